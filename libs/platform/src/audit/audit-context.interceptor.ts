import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { AuditContext } from './audit-context';

interface RequestWithActor {
  id?: string;
  user?: { userId: string };
}

/** Runs each api handler inside an `AuditContext` holding the request id and the authenticated caller. */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const actor = { requestId: request.id ?? null, actorUserId: request.user?.userId ?? null };
    // next.handle() binds the handler to the async context it is called in, so call it inside run().
    return new Observable((subscriber) => AuditContext.run(actor, () => next.handle().subscribe(subscriber)));
  }
}
