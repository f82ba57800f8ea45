/** 资格自测: the 政银保 eligibility self-check — every failed and every unknown condition, each with its citation. */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { DatePicker, Divider, Form, Radio, Result, Typography } from 'antd';
import {
  type TCondition,
  type TZybEligibilityResult,
  ZZybEligibilityInput,
} from '../../../../src/contracts/calculators';
import { dateProps, TriState, todayIso } from '../../components/forms';
import { zodRule } from '../../components/zodRule';
import { type MessageKey, useI18n } from '../../i18n';
import { CalculatorLayout, ConditionList, SubmitButton, useCalculation } from './common';

const E = ZZybEligibilityInput.shape;

type Values = Record<string, unknown>;

const FACTS: [keyof typeof E, MessageKey][] = [
  ['registeredInJiangmen', 'eligibility.registeredInJiangmen'],
  ['operatingInJiangmen', 'eligibility.operatingInJiangmen'],
  ['isSme', 'eligibility.isSme'],
  ['creditGood', 'eligibility.creditGood'],
  ['inResourcePool', 'eligibility.inResourcePool'],
  ['projectInScope', 'eligibility.projectInScope'],
  ['projectLocationInJiangmen', 'eligibility.projectLocationInJiangmen'],
];

const DATES: [keyof typeof E, MessageKey][] = [
  ['projectStartOn', 'eligibility.projectStartOn'],
  ['projectEndOn', 'eligibility.projectEndOn'],
  ['loanDisbursedOn', 'eligibility.loanDisbursedOn'],
];

/** A list of conditions under its heading; nothing when there are none. */
function Conditions({ title, items, testId }: { title: string; items: TCondition[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <ConditionList items={items} testId={testId} />
    </>
  );
}

export default function EligibilityPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const { busy, error, ask, result } = useCalculation<Values, Values, TZybEligibilityResult>(
    form,
    ZZybEligibilityInput,
    '/api/v1/calculators/zyb-eligibility',
    (v) => {
      // Every fact is sent: unknown ones as null, so the answer lists them as still to prove.
      const body: Values = { declaredOn: v.declaredOn };
      for (const [k] of FACTS) body[k] = v[k] ?? null;
      for (const [k] of DATES) body[k] = v[k] ?? null;
      body.applicantType = v.applicantType === 'unknown' ? null : (v.applicantType ?? null);
      body.projectStatus = v.projectStatus === 'unknown' ? null : (v.projectStatus ?? null);
      return body;
    },
  );

  const status = result?.status;

  return (
    <CalculatorLayout
      title={t('menu.eligibility')}
      intro={t('eligibility.intro')}
      inputsTitle={t('eligibility.inputs')}
      inputsWidth={11}
      error={error}
      resultTitle={t('eligibility.result')}
      resultTestId="eligibility-result"
      empty={t('eligibility.empty')}
      result={
        result && (
          <>
            <Result
              style={{ padding: '8px 0 16px' }}
              status={status === 'eligible' ? 'success' : status === 'ineligible' ? 'error' : 'warning'}
              title={
                status === 'eligible'
                  ? t('eligibility.eligible')
                  : status === 'ineligible'
                    ? t('eligibility.ineligible')
                    : t('eligibility.undetermined')
              }
              subTitle={
                result.window
                  ? t('eligibility.window', {
                      month: result.window.month,
                      opens: result.window.opens,
                      closes: result.window.closes,
                      due: result.verificationDue ?? '—',
                    })
                  : undefined
              }
            />
            <Conditions
              title={t('eligibility.failures', { n: result.failures.length })}
              items={result.failures}
              testId="eligibility-failures"
            />
            <Conditions
              title={t('eligibility.unknownList', { n: result.unknown.length })}
              items={result.unknown}
              testId="eligibility-unknown"
            />
            <Divider />
            <Typography.Title level={5}>{t('eligibility.all')}</Typography.Title>
            <ConditionList items={result.conditions} testId="eligibility-all" />
          </>
        )
      }
    >
      <Form
        form={form}
        name="zybEligibility"
        layout="horizontal"
        labelCol={{ flex: '200px' }}
        labelWrap
        initialValues={{ applicantType: 'manufacturer', projectStatus: 'in_progress', declaredOn: todayIso() }}
        onFinish={ask}
      >
        <Form.Item name="applicantType" label={t('eligibility.applicantType')}>
          <Radio.Group
            options={[
              { value: 'manufacturer', label: t('eligibility.manufacturer') },
              { value: 'service_provider', label: t('eligibility.serviceProvider') },
            ]}
          />
        </Form.Item>
        {FACTS.map(([name, label]) => (
          <Form.Item key={name} name={name} label={t(label)}>
            <TriState />
          </Form.Item>
        ))}
        <Form.Item name="projectStatus" label={t('eligibility.projectStatus')}>
          <Radio.Group
            options={[
              { value: 'planned', label: t('eligibility.planned') },
              { value: 'in_progress', label: t('eligibility.inProgress') },
              { value: 'completed', label: t('eligibility.completed') },
              { value: 'unknown', label: t('common.unknown') },
            ]}
          />
        </Form.Item>
        <Divider style={{ margin: '8px 0 16px' }} />
        <Form.Item
          name="declaredOn"
          label={t('eligibility.declaredOn')}
          rules={[zodRule(E.declaredOn, 'declaredOn', lang)]}
          {...dateProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {DATES.map(([name, label]) => (
          <Form.Item key={name} name={name} label={t(label)} {...dateProps}>
            <DatePicker style={{ width: '100%' }} placeholder={t('eligibility.dateUnknown')} />
          </Form.Item>
        ))}
        <SubmitButton icon={<SafetyCertificateOutlined />} busy={busy}>
          {t('eligibility.check')}
        </SubmitButton>
      </Form>
    </CalculatorLayout>
  );
}
