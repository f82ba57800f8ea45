/** 贴息计算器: the 政银保 interest subsidy S = I × R × C, computed by the API with every step explained. */
import { CalculatorOutlined } from '@ant-design/icons';
import { DatePicker, Descriptions, Form, InputNumber, Tag, Typography } from 'antd';
import { type TZybSubsidyResult, ZZybSubsidyInput } from '../../../../src/contracts/calculators';
import { dateProps, MoneyInput } from '../../components/forms';
import { compact, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { ReadingsInForce } from '../interpretations/ReadingsInForce';
import { CalculatorLayout, SubmitButton, useCalculation } from './common';

const S = ZZybSubsidyInput.shape;

interface Values {
  interestPaid: string;
  yearIndex: number;
  digitalInvestment: string;
  loanAmount: string;
  receivedSoFar?: string;
  asOf?: string;
}

export default function CalculatorPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const { busy, error, ask, result, asked } = useCalculation<Values, Values, TZybSubsidyResult>(
    form,
    ZZybSubsidyInput,
    '/api/v1/calculators/zyb-subsidy',
    (v) =>
      compact({
        ...v,
        interestPaid: v.interestPaid?.trim(),
        digitalInvestment: v.digitalInvestment?.trim(),
        loanAmount: v.loanAmount?.trim(),
        receivedSoFar: v.receivedSoFar?.trim(),
      }),
  );
  const askedOn = typeof asked?.asOf === 'string' ? asked.asOf : null;

  return (
    <CalculatorLayout
      title={t('menu.subsidyCalculator')}
      intro={t('calculator.intro')}
      inputsTitle={t('calculator.inputs')}
      inputsWidth={10}
      error={error}
      resultTitle={t('calculator.result')}
      resultTestId="subsidy-result"
      empty={t('calculator.empty')}
      result={
        result && (
          <>
            <div style={{ marginBottom: 16 }}>
              <Typography.Text type="secondary">{t('calculator.amount')}</Typography.Text>
              <div className="big-amount" data-testid="subsidy-amount">
                {yuan(result.amount)}
              </div>
              <Typography.Text>
                {t('calculator.inWords')}：{result.amountInWords}
              </Typography.Text>
              {result.capped && (
                <Tag color="orange" style={{ marginLeft: 8 }}>
                  {t('calculator.capped')}
                </Tag>
              )}
              {result.simulated && <Tag color="purple">{t('calculator.simulated')}</Tag>}
            </div>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('calculator.ratio')}>{result.ratio}</Descriptions.Item>
              <Descriptions.Item label={t('calculator.coefficient')}>
                {result.coefficient}（{result.coefficientExact}）
              </Descriptions.Item>
              <Descriptions.Item label={t('calculator.uncapped')}>{yuan(result.uncapped)}</Descriptions.Item>
              <Descriptions.Item label={t('calculator.cap')}>{yuan(result.cap)}</Descriptions.Item>
              <Descriptions.Item label={t('calculator.capRemaining')} span="filled">
                {yuan(result.capRemaining)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('calculator.explanation')}</Typography.Title>
            <ol className="explanation" data-testid="subsidy-explanation">
              {result.explanation.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ol>
            <ReadingsInForce readings={result.readingsInForce} asOf={askedOn} />
          </>
        )
      }
    >
      <Form<Values>
        form={form}
        name="zybSubsidy"
        layout="vertical"
        initialValues={{ yearIndex: 1, receivedSoFar: '0.00' }}
        onFinish={ask}
      >
        {(
          [
            ['interestPaid', <MoneyInput key="m" />, true],
            ['yearIndex', <InputNumber key="n" min={1} max={100} precision={0} style={{ width: '100%' }} />, true],
            ['loanAmount', <MoneyInput key="m" />, false],
            ['digitalInvestment', <MoneyInput key="m" />, false],
            ['receivedSoFar', <MoneyInput key="m" />, false],
          ] as const
        ).map(([name, input, helped]) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`calculator.${name}`)}
            extra={helped ? t(`calculator.${name}Help`) : undefined}
            rules={[zodRule(S[name], name, lang)]}
          >
            {input}
          </Form.Item>
        ))}
        <Form.Item name="asOf" label={t('calculator.asOf')} extra={t('calculator.asOfHelp')} {...dateProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <SubmitButton icon={<CalculatorOutlined />} busy={busy}>
          {t('common.calculate')}
        </SubmitButton>
      </Form>
    </CalculatorLayout>
  );
}
