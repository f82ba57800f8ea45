/**
 * Outreach's demo history, made through its use cases: the city administrator builds the 2026 Q4 white list from
 * the project library (good credit) and adds two enterprises by hand with their reasons, publishes it to 工商银行 and
 * 江门农商银行, who record their visits; the Q4 match-making event (12 December 2026) takes registrations from three
 * banks and five enterprises with their wishes, and its one-to-one meetings are scheduled without clashes.
 */
import {
  ZEventInput,
  ZManualEntryInput,
  ZRegistrationInput,
  ZVisitInput,
  ZWhitelistInput,
} from '../../contracts/outreach';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../../services/context';
import {
  addWhitelistEntry,
  createEvent,
  createWhitelist,
  publishWhitelist,
  readWhitelist,
  recordVisit,
  registerForEvent,
  scheduleEvent,
} from '../../services/outreach';

type As = (username: string, at: Date) => Promise<Ctx & { actor: Actor }>;
type Schedule = (local: string, run: (when: Date) => Promise<unknown>) => void;

/** The event's four twenty-minute meeting slots (Beijing time), as [start, end]. */
const MEETING_SLOTS = [
  ['09:30', '09:50'],
  ['10:00', '10:20'],
  ['10:30', '10:50'],
  ['11:00', '11:20'],
] as const;

/** Schedules the outreach steps among the demo history's (each at its China-time instant). */
export function scheduleDemoOutreach(step: Schedule, as: As, institutionId: (shortName: string) => string): void {
  const ids = { list: '', event: '' };
  const ent = async (username: string, when: Date) => (await as(username, when)).actor.enterpriseId!;
  /** The city administrator creates a record at `local`; the demo keeps its id under `key`. */
  const create = (
    local: string,
    key: keyof typeof ids,
    make: (admin: Awaited<ReturnType<As>>) => Promise<{ id: string }>,
  ) =>
    step(local, async (when) => {
      ids[key] = (await make(await as('admin', when))).id;
    });

  create('2026-10-09 10:00', 'list', (admin) =>
    createWhitelist(
      admin,
      ZWhitelistInput.parse({
        title: '2026年第四季度数字化转型融资服务白名单',
        periodOf: '2026-10-09',
        criteria: {
          libraryProject: true,
          resourcePool: false,
          creditGood: true,
          smeOnly: false,
          districts: [],
          minDigitalLevel: null,
        },
        bankIds: [institutionId('工商银行江门分行'), institutionId('江门农商银行')],
      }),
    ),
  );
  /** The city adds an enterprise by hand, with the category and reason the list shows. */
  const addByHand = (local: string, username: string, category: string, reason: string) =>
    step(local, async (when) =>
      addWhitelistEntry(
        await as('admin', when),
        ids.list,
        ZManualEntryInput.parse({ enterpriseId: await ent(username, when), category, reason }),
      ),
    );
  addByHand('2026-10-09 10:20', 'junye', 'pilot', '列入市数字化转型城市试点拟改造企业名单（2026年第二批）');
  addByHand('2026-10-09 10:30', 'fuwushang', 'tech_upgrade', '列入2026年企业技术改造资金项目库（云平台扩容项目）');
  step('2026-10-10 09:00', async (when) => publishWhitelist(await as('admin', when), ids.list));

  // 工商银行 visits three enterprises; 农商银行 one.
  const visit = (bank: string, username: string, local: string, visitedOn: string, outcome: string, note: string) =>
    step(local, async (when) => {
      const ctx = await as(bank, when);
      const list = await readWhitelist(ctx, ids.list);
      const enterpriseId = await ent(username, when);
      const entry = list.items.find((e) => e.enterpriseId === enterpriseId)!;
      await recordVisit(
        ctx,
        ids.list,
        entry.id,
        ZVisitInput.parse({
          visitedOn,
          method: 'onsite',
          outcome,
          intentionAmount: outcome === 'intention' ? '3000000.00' : null,
          note,
        }),
      );
    });
  visit('gonghang', 'qiye', '2026-10-16 16:00', '2026-10-16', 'intention', '二期产线改造拟申请设备贷约300万元');
  visit('gonghang', 'hailian', '2026-10-22 16:00', '2026-10-22', 'no_need', '现有授信足够，明年再议');
  visit('gonghang', 'junye', '2026-10-28 16:00', '2026-10-28', 'intention', '注塑车间数字化改造，有融资意向');
  visit('nongshang', 'fuwushang', '2026-10-30 15:00', '2026-10-30', 'applied', '已在融资专区提交流动资金贷款需求');

  // The Q4 match-making event: three banks, five enterprises, four twenty-minute slots.
  create('2026-10-12 10:00', 'event', (admin) =>
    createEvent(
      admin,
      ZEventInput.parse({
        theme: '2026年第四季度数字化转型融资对接会',
        heldOn: '2026-12-12',
        mode: 'onsite',
        place: '江门市工业和信息化局三楼会议室',
        slots: MEETING_SLOTS.map(([start, end]) => ({ start, end })),
      }),
    ),
  );
  const register = (local: string, who: 'bank' | 'enterprise', party: string, wishes: () => Promise<string[]>) =>
    step(local, async (when) => {
      const ctx = await as('admin', when);
      const w = await wishes();
      await registerForEvent(
        ctx,
        ids.event,
        ZRegistrationInput.parse({
          institutionId: who === 'bank' ? institutionId(party) : null,
          enterpriseId: who === 'enterprise' ? await ent(party, when) : null,
          wishes: w,
          contactName: who === 'bank' ? '信贷部' : '财务负责人',
        }),
      );
    });
  const at = new Date('2026-10-13T02:00:00Z');
  const e = (u: string) => ent(u, at);
  register('2026-10-13 10:00', 'bank', '工商银行江门分行', async () => [
    await e('qiye'),
    await e('junye'),
    await e('hailian'),
  ]);
  register('2026-10-13 10:05', 'bank', '农业银行江门分行', async () => [await e('fuwushang'), await e('huarui')]);
  register('2026-10-13 10:10', 'bank', '江门农商银行', async () => [await e('hailian'), await e('fuwushang')]);
  register('2026-10-13 10:15', 'enterprise', 'qiye', async () => [
    institutionId('工商银行江门分行'),
    institutionId('江门农商银行'),
  ]);
  register('2026-10-13 10:20', 'enterprise', 'junye', async () => [
    institutionId('工商银行江门分行'),
    institutionId('农业银行江门分行'),
  ]);
  register('2026-10-13 10:25', 'enterprise', 'hailian', async () => [institutionId('江门农商银行')]);
  register('2026-10-13 10:30', 'enterprise', 'fuwushang', async () => [institutionId('农业银行江门分行')]);
  register('2026-10-13 10:35', 'enterprise', 'huarui', async () => [institutionId('工商银行江门分行')]);
  step('2026-10-26 17:00', async (when) => scheduleEvent(await as('admin', when), ids.event));
}
