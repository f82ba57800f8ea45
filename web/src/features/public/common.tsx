/**
 * Shared pieces of the public policy pages: condition lists with their legal citations, the source-text viewer, and
 * the asking of a calculator (the form checked against the contract, then the API's answer).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, type FormInstance, Modal, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { ZodType } from 'zod';
import type { TCondition, TSourceDoc } from '../../../../src/contracts/calculators';
import { api, errorMessage } from '../../api/client';
import { FormError, useFormSubmit } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { validateAll } from '../../components/zodRule';
import { useI18n } from '../../i18n';

/**
 * Asks a calculator: the form's values made into the request (`toBody`), checked whole against its contract (every
 * message under its field), then posted; a refusal clears the last answer. `asked` is the request answered.
 */
export function useCalculation<V, B, R>(form: FormInstance<V>, schema: ZodType, url: string, toBody: (v: V) => B) {
  const { lang } = useI18n();
  const { busy, error, submit } = useFormSubmit(form);
  const [answer, setAnswer] = useState<{ result: R; asked: B } | null>(null);
  const ask = () =>
    submit(async (v) => {
      const body = toBody(v);
      if (!validateAll(form, schema, body, lang)) return;
      try {
        setAnswer({ result: await api.post<R>(url, body), asked: body });
      } catch (e) {
        setAnswer(null);
        throw e;
      }
    });
  return { busy, error, ask, result: answer?.result ?? null, asked: answer?.asked ?? null };
}

/**
 * A calculator's page: its inputs on the left (the form, under the banner of what the API refused) and its answer
 * on the right, or a line saying what will appear there.
 */
export function CalculatorLayout({
  title,
  intro,
  inputsTitle,
  inputsWidth,
  error,
  resultTitle,
  resultTestId,
  empty,
  result,
  children,
}: {
  title: string;
  intro: string;
  inputsTitle: string;
  /** The inputs' share of the 24 columns on a wide screen; the answer takes the rest. */
  inputsWidth: number;
  error: string | null;
  resultTitle: string;
  resultTestId: string;
  empty: string;
  result: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={intro} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={inputsWidth}>
          <Card title={inputsTitle}>
            <FormError error={error} />
            {children}
          </Card>
        </Col>
        <Col xs={24} lg={24 - inputsWidth}>
          <Card title={resultTitle} data-testid={resultTestId}>
            {result || <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph>}
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** The calculator's one large button, busy while the API answers. */
export function SubmitButton({ icon, busy, children }: { icon: ReactNode; busy: boolean; children: ReactNode }) {
  return (
    <Button type="primary" htmlType="submit" icon={icon} loading={busy} block size="large">
      {children}
    </Button>
  );
}

type SourceDoc = TSourceDoc;

function SourceText({ doc, quote }: { doc: string; quote?: string | undefined }) {
  const { t } = useI18n();
  const mark = useRef<HTMLElement>(null);
  const q = useQuery({
    queryKey: ['policy-source', doc],
    queryFn: () => api.get<SourceDoc>(`/api/v1/policies/sources/${encodeURIComponent(doc)}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
  useEffect(() => {
    if (q.data) mark.current?.scrollIntoView({ block: 'center' });
  }, [q.data]);
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const d = q.data!;
  // The stored texts keep the blank line after every line of the original; show them compact.
  const text = d.text.replace(/\n[ \t\u3000]*\n/g, '\n');
  const at = quote ? text.indexOf(quote) : -1;
  return (
    <>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {d.number}《{d.title}》
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {d.issuer}
        {d.issuedOn ? ` · ${d.issuedOn}` : ''} · {t('policies.validity')}：{d.validity.from ?? '—'} ~{' '}
        {d.validity.to ?? '—'}
      </Typography.Paragraph>
      <div className="source-text" data-testid="source-text">
        {at < 0 ? (
          text
        ) : (
          <>
            {text.slice(0, at)}
            <mark ref={mark}>{quote}</mark>
            {text.slice(at + quote!.length)}
          </>
        )}
      </div>
    </>
  );
}

/** A citation ("江工信工业互联网〔2023〕33号 第五条") that opens the policy text at the quoted passage. */
export function Citation({
  label,
  doc,
  quote,
}: {
  label: string;
  doc?: string | undefined;
  quote?: string | undefined;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!doc) return <Typography.Text type="secondary">{label}</Typography.Text>;
  return (
    <>
      <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        width={820}
        title={t('policies.source')}
        destroyOnHidden
      >
        <SourceText doc={doc} quote={quote} />
      </Modal>
    </>
  );
}

const STATUS_COLOR: Record<TCondition['status'], string> = {
  pass: 'green',
  fail: 'red',
  unknown: 'orange',
  not_applicable: 'default',
};

export function ConditionTag({ status }: { status: TCondition['status'] }) {
  const { t } = useI18n();
  const label = {
    pass: t('condition.pass'),
    fail: t('condition.fail'),
    unknown: t('condition.unknown'),
    not_applicable: t('condition.na'),
  }[status];
  return <Tag color={STATUS_COLOR[status]}>{label}</Tag>;
}

export function ConditionList({ items, testId }: { items: TCondition[]; testId?: string }) {
  return (
    <ul className="condition-list" data-testid={testId}>
      {items.map((c) => (
        <li key={c.code}>
          <Space size={6} align="start" wrap>
            <ConditionTag status={c.status} />
            <span>{c.message}</span>
          </Space>
          <div className="condition-cite">
            <Citation label={c.citation} doc={c.source?.doc} quote={c.source?.quote} />
            {c.source?.quote && <span className="condition-quote">“{c.source.quote}”</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}
