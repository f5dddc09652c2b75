/**
 * The domain's words as the user reads them, in the interface's language: damage areas,
 * stakeholder roles, action statuses, root causes, message variants, why a crisis repeats
 * another. Declared once, for every screen and the report.
 */
import { t, type MessageKey } from '../core/i18n';
import type { Repeat } from '../core/model/recurrence';
import { formatDateTime } from './format';
import type {
  ActionStatus,
  DamageArea,
  DamageRow,
  MessageVariant,
  RootCause,
  StakeholderRole,
} from '../core/model/types';

const AREA_KEYS: Record<DamageArea, MessageKey> = {
  customers: 'areaCustomers',
  social: 'areaSocial',
  press: 'areaPress',
  search: 'areaSearch',
  employees: 'areaEmployees',
  partners: 'areaPartners',
  finance: 'areaFinance',
  legal: 'areaLegal',
  custom: 'areaCustom',
};

/** A damage area's name: a preset's, or the user's own for a custom area. */
export const areaName = (row: Pick<DamageRow, 'area' | 'customArea'>) =>
  row.area === 'custom' && row.customArea ? row.customArea : t(AREA_KEYS[row.area]);

/** A journaled area: a preset's name in the user's language, or the custom name as typed. */
export const areaLabel = (area: string) =>
  Object.hasOwn(AREA_KEYS, area) ? t(AREA_KEYS[area as DamageArea]) : area;

const ROLE_KEYS: Record<StakeholderRole, MessageKey> = {
  boss: 'roleBoss',
  supervisor: 'roleSupervisor',
  client: 'roleClient',
  partner: 'rolePartner',
  press: 'rolePress',
  other: 'roleOther',
};
export const roleName = (role: StakeholderRole) => t(ROLE_KEYS[role]);

const STATUS_KEYS: Record<ActionStatus, MessageKey> = {
  todo: 'actionTodo',
  doing: 'actionDoing',
  done: 'actionDone',
};
export const statusName = (status: ActionStatus) => t(STATUS_KEYS[status]);

const CAUSE_KEYS: Record<RootCause, MessageKey> = {
  process: 'causeProcess',
  human: 'causeHuman',
  product: 'causeProduct',
  communication: 'causeCommunication',
  supplier: 'causeSupplier',
  external: 'causeExternal',
};

/** Whether a root cause is one of the categories offered (else the user's own words). */
export const isPresetCause = (cause: string): cause is RootCause =>
  Object.hasOwn(CAUSE_KEYS, cause);

/** A root cause as the user reads it: a preset's name, or their own words. */
export const causeName = (cause: string) => (isPresetCause(cause) ? t(CAUSE_KEYS[cause]) : cause);

const VARIANT_KEYS: Record<MessageVariant, MessageKey> = {
  holding: 'variantHolding',
  clarification: 'variantClarification',
  apology: 'variantApology',
  journalist: 'variantJournalist',
  internal: 'variantInternal',
};
export const variantName = (variant: MessageVariant) => t(VARIANT_KEYS[variant]);

const REPEAT_KEYS: Record<Repeat['by'], MessageKey> = {
  'root-cause': 'learnRepeatsCause',
  'watch-term': 'learnRepeatsTerm',
  story: 'learnRepeatsStory',
};

/** Why a crisis repeats an earlier one, in words: the earlier crisis, when, what they share. */
export const repeatText = (r: Repeat) =>
  t(REPEAT_KEYS[r.by], [
    r.title,
    formatDateTime(r.openedAt),
    r.by === 'root-cause' ? causeName(r.shared) : r.shared,
  ]);
