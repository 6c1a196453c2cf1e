/** The webhook receiver did not accept a delivery (timeout, network error, non-2xx answer). */
export class WebhookDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookDeliveryError';
  }
}
