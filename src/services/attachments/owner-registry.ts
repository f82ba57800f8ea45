/**
 * Attachment owners. Each module whose records carry files registers its owner type once:
 *
 *   registerAttachmentOwner('declaration', {
 *     label: { zh: '申报', en: 'Declaration' },
 *     kinds: ['contract', 'invoice', 'voucher'],
 *     async resolveScope(tx, actor, ownerId) {   // the owner as the actor sees it, or null (→ 404)
 *       const [d] = await tx.select(...).from(declarations)
 *         .where(and(eq(declarations.id, ownerId), scopeCondition(actor, {...declarations columns})));
 *       return d ? { enterpriseId: d.enterpriseId, districtCode: d.districtCode, institutionId: null,
 *                    editable: d.status === 'draft' } : null;
 *     },
 *     canAttach: (actor, owner) => mayDo(actor, 'project.attachment.add', owner),
 *   });
 *
 * The attachment row copies the owner's enterpriseId/districtCode/institutionId, so lists and downloads filter by
 * the actor's scope directly in their query, without knowing the owner's table.
 */
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../domain/access/actor';
import type { ScopedRecord } from '../../domain/access/scope';
import type { Bilingual } from '../errors';

/** The owner record as resolved for an actor: its scope, and whether its files may still change. */
export interface ResolvedOwner extends ScopedRecord {
  /** False once the owner is submitted/closed: files can then be neither added nor deleted. Default true. */
  editable?: boolean;
}

export interface AttachmentOwnerType {
  label: Bilingual;
  /** Allowed `kind` values with their Chinese names; omitted = any kind. */
  kinds?: Readonly<Record<string, string>>;
  /**
   * Loads the owner through the actor's scope (inside the query) and returns its scope columns, or null when it
   * does not exist or the actor may not see it.
   */
  resolveScope(tx: DbOrTx, actor: Actor, ownerId: string): Promise<ResolvedOwner | null>;
  /** Whether this actor may add files to this (visible) owner. */
  canAttach(actor: Actor, owner: ResolvedOwner): boolean;
  /** Whether this actor may delete a file of this owner; default: its uploader while the owner is editable. */
  canDelete?(actor: Actor, owner: ResolvedOwner, attachment: { uploadedBy: string }): boolean;
}

const owners = new Map<string, AttachmentOwnerType>();

/** Registers (or replaces) an owner type. Call once when the owning module loads. */
export function registerAttachmentOwner(ownerType: string, def: AttachmentOwnerType): void {
  if (!/^[a-z][a-z_]{1,39}$/.test(ownerType)) throw new Error(`invalid attachment owner type: ${ownerType}`);
  owners.set(ownerType, def);
}

export function attachmentOwner(ownerType: string): AttachmentOwnerType | undefined {
  return owners.get(ownerType);
}

export function attachmentOwnerTypes(): string[] {
  return [...owners.keys()].sort();
}

export function defaultCanDelete(actor: Actor, owner: ResolvedOwner, attachment: { uploadedBy: string }): boolean {
  return owner.editable !== false && attachment.uploadedBy === actor.id;
}
