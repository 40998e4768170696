import { Injectable } from '@nestjs/common';
import { AppError } from '@tsunagu/core';
import { Actor, PolicyService } from '@tsunagu/identity';

// Who acts for a member organisation in mentoring: its staff. One place, so the council's
// membership gate is added once.
@Injectable()
export class MentoringAccess {
  constructor(private readonly policy: PolicyService) {}

  isStaffOf(actor: Actor, organizationId: string): boolean {
    return this.policy.membership(actor, organizationId) !== undefined;
  }

  isAdmin(actor: Actor): boolean {
    return this.policy.isPlatformAdmin(actor);
  }

  // Booking is for the staff of an organisation that may be mentored.
  assertMayBookFor(actor: Actor, organizationId: string): void {
    if (!this.isStaffOf(actor, organizationId)) {
      throw AppError.forbidden('Only its staff book sessions for an organisation');
    }
  }

  // Reading an organisation's sessions: its staff.
  assertStaffOf(actor: Actor, organizationId: string): void {
    if (!this.isStaffOf(actor, organizationId)) throw AppError.forbidden('Only its staff see this');
  }
}
