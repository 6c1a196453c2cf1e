import { Injectable } from '@nestjs/common';
import { AuditLog, queryRows, TransactionRunner } from '@linli/platform';
import { DataSource } from 'typeorm';
import { claimantRecipient, DemandsNotifier } from '../demands-notifier';

interface LapsingClaim {
  claim_id: string;
  demand_id: string;
  title: string;
  unit_id: string;
  unit_path: string;
  claimant_person_id: string | null;
  claimed_by_user_id: string;
}

/**
 * Releases claims past their lapse time while the demand is still claimed (a fulfilled demand waits
 * for its requester instead): the claim becomes `lapsed`, the demand open again, the claimant is
 * told. One transaction per demand, re-checked under the demand's row lock so that a fulfilment or a
 * release at the same moment wins cleanly.
 */
@Injectable()
export class LapsedClaims {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly notifier: DemandsNotifier,
  ) {}

  async releaseDue(now: Date): Promise<{ released: number }> {
    const due = await queryRows<{ demand_id: string }>(
      this.dataSource.manager,
      `SELECT c.demand_id FROM volunteer_demand_claims c JOIN volunteer_demands d ON d.id = c.demand_id
        WHERE c.status = 'live' AND c.expires_at <= $1 AND d.status = 'claimed' ORDER BY c.expires_at, c.id`,
      [now],
    );
    let released = 0;
    for (const { demand_id: demandId } of due) {
      const lapsed = await this.transactions.run(async (manager) => {
        await manager.query(`SELECT id FROM volunteer_demands WHERE id = $1 FOR UPDATE`, [demandId]);
        const [claim] = await queryRows<LapsingClaim>(
          manager,
          `SELECT c.id AS claim_id, d.id AS demand_id, d.title, d.unit_id, u.path AS unit_path, c.claimant_person_id, c.claimed_by_user_id
             FROM volunteer_demands d JOIN units u ON u.id = d.unit_id
             JOIN volunteer_demand_claims c ON c.demand_id = d.id AND c.status = 'live'
            WHERE d.id = $1 AND d.status = 'claimed' AND c.expires_at <= $2`,
          [demandId, now],
        );
        if (!claim) return null;
        await manager.query(`UPDATE volunteer_demand_claims SET status = 'lapsed', ended_at = $2 WHERE id = $1`, [claim.claim_id, now]);
        await manager.query(`UPDATE volunteer_demands SET status = 'open', updated_at = now() WHERE id = $1`, [demandId]);
        await this.audit.record(
          { action: 'volunteers.demand-claim-lapsed', targetType: 'volunteer-demand', targetId: demandId, unitId: claim.unit_id, unitPath: claim.unit_path, actorUserId: null, data: { claimId: claim.claim_id } },
          manager,
        );
        return claim;
      });
      if (!lapsed) continue;
      released += 1;
      await this.notifier.lapsed(claimantRecipient(lapsed), lapsed.claim_id, lapsed.title);
    }
    return { released };
  }
}
