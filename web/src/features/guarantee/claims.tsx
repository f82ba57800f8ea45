/**
 * What the fee-subsidy and risk-compensation claim tabs share: the claims table (its ＋ button, the expanded
 * explanation, history and files, the loan and enterprise columns, the actions), the reviewers' pass/return pair,
 * the reason a returned claim was sent back, and the claim forms' fields described as data.
 */
import { Alert, Button, Form, Input, Table, type TableColumnsType } from 'antd';
import { type ComponentProps, type ReactNode, useState } from 'react';
import { type BusinessAction, type BusinessTarget, mayDo } from '../../../../src/domain/access/business';
import { actorOf } from '../../auth/access';
import { useMe } from '../../auth/session';
import { AddButton } from '../../components/AddButton';
import { MoneyInput } from '../../components/forms';
import { type MessageKey, useI18n } from '../../i18n';
import { ClaimFiles, ClaimHistory, Explanation, FormDialog, LoanSelectItem, useAsk, useRun } from './shared';

/** While a claim is in one of these states its claimant may still add files. */
const OPEN_FOR_FILES = new Set(['submitted', 'district_returned', 'city_returned']);
/** A claim sent back by the district or the city, to be corrected and resubmitted. */
export const RETURNED = new Set(['district_returned', 'city_returned']);

interface Claim {
  id: string;
  status: string;
  contractNo: string;
  enterpriseName: string;
  explanation: readonly string[];
}

/**
 * A claim tab's working state: the reader, the action runner, the one-text prompt, and which claim form is open
 * (`dialog`, null when none) with its form.
 */
export function useClaimTab<D>() {
  const { data: me } = useMe();
  const run = useRun();
  const ask = useAsk();
  const [dialog, setDialog] = useState<D | null>(null);
  const [form] = Form.useForm();
  return { me, run, ask, dialog, setDialog, form };
}

type Step = { action: string; reasons: readonly string[]; byName: string; at: string };

/**
 * A tab's claims: the ＋ button when the actor may claim (`newLabel`), then the table; a row opens onto its
 * explanation (and `moreLines`), its history and its files (uploads allowed while open and `fileAction` allows).
 */
export function ClaimsTable<C extends Claim>({
  newLabel,
  onNew,
  claims,
  moreLines,
  history,
  historyNames,
  files,
  columns,
  actions,
}: {
  newLabel: string | false;
  onNew(): void;
  claims: { data?: { items: C[] } | undefined; isLoading: boolean };
  moreLines?: (c: C) => readonly string[];
  history(c: C): readonly Step[];
  historyNames: Readonly<Record<string, string>>;
  files: {
    ownerType: string;
    kinds: Readonly<Record<string, string>>;
    action: BusinessAction;
    target(c: C): BusinessTarget;
  };
  /** The columns between the loan and enterprise and the actions. */
  columns: TableColumnsType<C>;
  actions(c: C): ReactNode;
}) {
  const { t } = useI18n();
  const { data: me } = useMe();
  return (
    <>
      {newLabel && (
        <AddButton onClick={onNew} style={{ marginBottom: 12 }}>
          {newLabel}
        </AddButton>
      )}
      <Table<C>
        rowKey="id"
        size="small"
        loading={claims.isLoading}
        dataSource={claims.data?.items ?? []}
        locale={{ emptyText: t('guarantee.none') }}
        expandable={{
          expandedRowRender: (c) => (
            <>
              <Explanation lines={c.explanation} />
              {moreLines && <Explanation lines={moreLines(c)} />}
              <ClaimHistory steps={history(c)} names={historyNames} />
              <ClaimFiles
                ownerType={files.ownerType}
                ownerId={c.id}
                kinds={files.kinds}
                canUpload={!!me && OPEN_FOR_FILES.has(c.status) && mayDo(actorOf(me), files.action, files.target(c))}
              />
            </>
          ),
        }}
        columns={[
          { title: t('guarantee.loan'), dataIndex: 'contractNo' },
          { title: t('guarantee.enterprise'), dataIndex: 'enterpriseName' },
          ...columns,
          { title: t('common.actions'), render: (_, c) => actions(c) },
        ]}
      />
    </>
  );
}

/** A reviewer's two answers: `okLabel` (passes the claim on) and 退回 (asks for the reason). */
export function PassOrReturn({ okLabel, onPass, onReturn }: { okLabel: string; onPass(): void; onReturn(): void }) {
  const { t } = useI18n();
  return (
    <>
      <Button size="small" type="primary" onClick={onPass}>
        {okLabel}
      </Button>
      <Button size="small" onClick={onReturn}>
        {t('guarantee.return')}
      </Button>
    </>
  );
}

/** Above a correction: why the claim was sent back. */
function ReturnedBecause({ reason }: { reason: string }) {
  const { t } = useI18n();
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${t('guarantee.returnedBecause')}${reason}`} />
  );
}

/** One field of a claim form: a date typed as YYYY-MM-DD, an amount in yuan, a line or a few lines of text. */
export interface ClaimField {
  name: string;
  label: MessageKey;
  kind: 'date' | 'money' | 'text' | 'lines';
  required?: boolean;
  extra?: MessageKey;
}

const INPUTS: Record<ClaimField['kind'], ReactNode> = {
  date: <Input placeholder="YYYY-MM-DD" />,
  money: <MoneyInput />,
  text: <Input />,
  lines: <Input.TextArea rows={2} />,
};

function ClaimFields({ fields }: { fields: readonly ClaimField[] }) {
  const { t } = useI18n();
  return fields.map((f) => (
    <Form.Item
      key={f.name}
      name={f.name}
      label={t(f.label)}
      required={f.required}
      {...(f.extra ? { extra: t(f.extra) } : {})}
    >
      {INPUTS[f.kind]}
    </Form.Item>
  ));
}

/**
 * A claim's form in its dialog: why it was sent back (for a correction, `returnedBecause`), the loan to choose (a new
 * claim, `chooseLoan`), then `fields` and `children`.
 */
export function ClaimForm({
  returnedBecause,
  chooseLoan,
  fields,
  children,
  ...dialog
}: {
  returnedBecause: string | undefined;
  chooseLoan: boolean;
  fields: readonly ClaimField[];
  /** What follows the fields. */
  children?: ReactNode;
} & Omit<ComponentProps<typeof FormDialog>, 'children'>) {
  return (
    <FormDialog {...dialog}>
      {returnedBecause !== undefined && <ReturnedBecause reason={returnedBecause} />}
      {chooseLoan && <LoanSelectItem />}
      <ClaimFields fields={fields} />
      {children}
    </FormDialog>
  );
}
