/**
 * 贴息申请 form (enterprise): campaign, numbered project, loans with the interest claimed (pre-filled with what the
 * bank recorded), investment since declaration, progress, vouchers, other interest subsidies on the same loans.
 * The application id is chosen here so vouchers can be uploaded under it before submission; the same id is the
 * idempotency key, so a double click or a retry submits once. Also used to correct a returned application.
 */
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  OTHER_SUBSIDY_KIND_ZH,
  OTHER_SUBSIDY_KINDS,
  type TApplicationDetail,
  type TCampaign,
  ZOtherSubsidyInput,
  ZSubmitApplication,
} from '../../../../src/contracts/subsidy';
import { uploadFile } from '../../api/attachments';
import { api, errorMessage } from '../../api/client';
import { FormError, useFormSubmit } from '../../components/FormModal';
import { SmallTable } from '../../components/SmallTable';
import { requiredOf, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { subsidyKeys, useApplyOptions } from './api';

interface Voucher {
  id: string;
  name: string;
}

interface FormValues {
  campaignId: string;
  projectId: string;
  newInvestment: string;
  progressReport: string;
  otherSubsidies: { loanId: string; kind: string; name: string; documentRef?: string; amount: string }[];
}

const SHAPE = ZSubmitApplication.shape;
const OTHER = ZOtherSubsidyInput.shape;

function VoucherUpload({
  applicationId,
  kind,
  files,
  onChange,
  testId,
}: {
  applicationId: string;
  kind: string;
  files: Voucher[];
  onChange(files: Voucher[]): void;
  testId: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        multiple
        showUploadList={false}
        customRequest={async ({ file, onSuccess, onError }) => {
          try {
            const body = await uploadFile(file as Blob, {
              ownerType: 'subsidy_application',
              ownerId: applicationId,
              kind,
            });
            onChange([...files, { id: body.id, name: body.fileName }]);
            onSuccess?.(body);
          } catch (e) {
            message.error(errorMessage(e));
            onError?.(e as Error);
          }
        }}
      >
        <Button icon={<UploadOutlined />} data-testid={testId}>
          {t('subsidy.uploadPdfOfdJpg')}
        </Button>
      </Upload>
      {files.map((f) => (
        <Space key={f.id}>
          <Typography.Text>{f.name}</Typography.Text>
          <Button
            size="small"
            type="link"
            danger
            icon={<DeleteOutlined />}
            onClick={() => onChange(files.filter((x) => x.id !== f.id))}
          />
        </Space>
      ))}
    </Space>
  );
}

export function ApplyDrawer({
  open,
  onClose,
  campaigns,
  returned,
}: {
  open: boolean;
  onClose(): void;
  campaigns: TCampaign[];
  /** A returned application to correct and resubmit. */
  returned?: TApplicationDetail | null;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [applicationId] = useState(() => returned?.id ?? crypto.randomUUID());
  const openCampaigns = campaigns.filter((c) => c.acceptingApplications || c.id === returned?.campaignId);
  const [campaignId, setCampaignId] = useState<string | undefined>(returned?.campaignId ?? openCampaigns[0]?.id);
  const [projectId, setProjectId] = useState<string | undefined>(returned?.projectId);
  const { data: options } = useApplyOptions(campaignId);
  const project = options?.projects.find((p) => p.id === projectId);
  const [selected, setSelected] = useState<Record<string, string>>(() =>
    Object.fromEntries((returned?.loans ?? []).map((l) => [l.loanId, l.claimedInterest])),
  );
  /** The vouchers of a kind the returned application already has. */
  const filed = (kind: string): Voucher[] =>
    returned?.attachments.filter((a) => a.kind === kind).map((a) => ({ id: a.id, name: a.fileName })) ?? [];
  const [repayment, setRepayment] = useState<Voucher[]>(() => filed('repayment_voucher'));
  const [expenditure, setExpenditure] = useState<Voucher[]>(() => filed('expenditure_voucher'));
  const { busy, error, submit: run } = useFormSubmit(form);
  const campaign = campaigns.find((c) => c.id === campaignId);
  // refused when the form opens, not at submission: no numbered project yet, or every project already applied
  const blocked =
    returned || !options
      ? null
      : options.projects.length === 0
        ? t('subsidy.apply.noProject')
        : options.projects.every((p) => p.appliedApplicationId)
          ? t('subsidy.apply.allApplied')
          : null;

  const submit = () =>
    run(async (v) => {
      const loans = Object.entries(selected).map(([loanId, claimedInterest]) => ({ loanId, claimedInterest }));
      if (!campaign) return;
      const body = {
        interestFrom: campaign.interestFrom,
        interestTo: campaign.interestTo,
        loans,
        newInvestment: v.newInvestment,
        progressReport: v.progressReport,
        repaymentVoucherIds: repayment.map((f) => f.id),
        expenditureVoucherIds: expenditure.map((f) => f.id),
        otherSubsidies: (v.otherSubsidies ?? []).map((o) => ({ ...o, documentRef: o.documentRef || undefined })),
      };
      if (returned) {
        await api.post(`/api/v1/subsidy/applications/${returned.id}/resubmit`, { ...body, version: returned.version });
      } else {
        await api.post('/api/v1/subsidy/applications', {
          ...body,
          id: applicationId,
          campaignId,
          projectId: v.projectId,
        });
      }
      message.success(t('subsidy.applicationSubmitted'));
      await qc.invalidateQueries({ queryKey: subsidyKeys.all });
      onClose();
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={820}
      destroyOnHidden
      title={returned ? t('subsidy.correctAndResubmit2') : t('subsidy.newInterestSubsidyApplication')}
      extra={
        <Button
          type="primary"
          loading={busy}
          disabled={!!blocked}
          title={blocked ?? undefined}
          onClick={submit}
          data-testid="submit-application"
        >
          {t('subsidy.submit')}
        </Button>
      }
    >
      {blocked && (
        <Alert type="warning" showIcon title={blocked} style={{ marginBottom: 16 }} data-testid="apply-blocked" />
      )}
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        name="applySubsidy"
        initialValues={{
          campaignId,
          projectId,
          newInvestment: returned?.newInvestment ?? '0.00',
          progressReport: returned?.progressReport ?? '',
          otherSubsidies:
            returned?.otherSubsidies.map((o) => ({ ...o, documentRef: o.documentRef ?? undefined })) ?? [],
        }}
      >
        <Form.Item name="campaignId" label={t('subsidy.campaign')} required={requiredOf(SHAPE.campaignId)}>
          <Select
            disabled={!!returned}
            onChange={(v) => {
              setCampaignId(v);
              setSelected({});
            }}
            options={openCampaigns.map((c) => ({
              value: c.id,
              label: `${c.title}（${t('subsidy.interest')} ${c.interestFrom}～${c.interestTo}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="projectId"
          label={t('subsidy.libraryProject')}
          rules={[{ required: requiredOf(SHAPE.projectId), message: t('subsidy.chooseAProject') }]}
        >
          <Select
            disabled={!!returned}
            data-testid="project-select"
            onChange={(v) => {
              setProjectId(v);
              setSelected({});
            }}
            options={(options?.projects ?? []).map((p) => ({
              value: p.id,
              disabled: !returned && !!p.appliedApplicationId,
              label: `${p.projectNo ?? ''} ${p.name}（${t('subsidy.declared')} ${p.declarationMonth}）${
                !returned && p.appliedApplicationId ? t('subsidy.apply.alreadyAppliedOption') : ''
              }`,
            }))}
          />
        </Form.Item>
        {project && (
          <Typography.Paragraph type="secondary">
            {t('subsidy.investmentAtDeclaration')}：{yuan(project.investmentAtDeclaration)}
          </Typography.Paragraph>
        )}
        <Form.Item label={t('subsidy.loansClaimedInterestDefaults')} required={requiredOf(SHAPE.loans)}>
          <SmallTable
            rowKey="id"
            dataSource={project?.loans ?? []}
            columns={[
              {
                title: '',
                width: 40,
                render: (_, l) => (
                  <Checkbox
                    aria-label={l.contractNo}
                    data-testid={`loan-${l.contractNo}`}
                    checked={l.id in selected}
                    onChange={(e) => {
                      const next = { ...selected };
                      if (e.target.checked) next[l.id] = l.bankInterest;
                      else delete next[l.id];
                      setSelected(next);
                    }}
                  />
                ),
              },
              { title: t('subsidy.contract'), dataIndex: 'contractNo' },
              { title: t('subsidy.bank'), dataIndex: 'bankName' },
              { title: t('subsidy.amount2'), dataIndex: 'amount', render: (v: string) => yuan(v) },
              { title: t('subsidy.disbursed2'), dataIndex: 'disbursedOn' },
              {
                title: t('subsidy.bankRecordedInterest'),
                dataIndex: 'bankInterest',
                render: (v: string) => yuan(v),
              },
              {
                title: t('subsidy.claimedYuan'),
                render: (_, l) => (
                  <Input
                    aria-label={`${l.contractNo} ${t('subsidy.claimedYuan')}`}
                    disabled={!(l.id in selected)}
                    value={selected[l.id] ?? ''}
                    onChange={(e) => setSelected({ ...selected, [l.id]: e.target.value })}
                    style={{ width: 130 }}
                  />
                ),
              },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="newInvestment"
          label={t('subsidy.newInvestmentSinceDeclaration')}
          rules={[zodRule(SHAPE.newInvestment, 'newInvestment', lang)]}
        >
          <Input data-testid="new-investment" />
        </Form.Item>
        <Form.Item
          name="progressReport"
          label={t('subsidy.projectProgress')}
          rules={[zodRule(SHAPE.progressReport, 'progressReport', lang)]}
        >
          <Input.TextArea rows={3} data-testid="progress-report" />
        </Form.Item>
        {(
          [
            [
              'repaymentVouchers',
              'repaymentVoucherIds',
              'repayment_voucher',
              repayment,
              setRepayment,
              'upload-repayment',
            ],
            [
              'projectExpenditureVouchers',
              'expenditureVoucherIds',
              'expenditure_voucher',
              expenditure,
              setExpenditure,
              'upload-expenditure',
            ],
          ] as const
        ).map(([label, field, kind, files, onChange, testId]) => (
          <Form.Item key={kind} label={t(`subsidy.${label}`)} required={requiredOf(SHAPE[field])}>
            <VoucherUpload
              applicationId={applicationId}
              kind={kind}
              files={files}
              onChange={onChange}
              testId={testId}
            />
          </Form.Item>
        ))}
        <Typography.Title level={5}>{t('subsidy.otherInterestSubsidiesOn')}</Typography.Title>
        <Form.List name="otherSubsidies">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'loanId']} rules={[{ required: requiredOf(OTHER.loanId) }]}>
                    <Select
                      style={{ width: 160 }}
                      placeholder={t('subsidy.loan')}
                      options={Object.keys(selected).map((id) => ({
                        value: id,
                        label: project?.loans.find((l) => l.id === id)?.contractNo ?? id,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: requiredOf(OTHER.kind) }]}>
                    <Select
                      style={{ width: 200 }}
                      options={OTHER_SUBSIDY_KINDS.map((k) => ({ value: k, label: OTHER_SUBSIDY_KIND_ZH[k] }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: requiredOf(OTHER.name) }]}>
                    <Input placeholder={t('subsidy.name2')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[{ required: requiredOf(OTHER.amount) }]}>
                    <Input placeholder={t('subsidy.amount3')} style={{ width: 120 }} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    {t('subsidy.remove')}
                  </Button>
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'zjtx_credit', name: OTHER_SUBSIDY_KIND_ZH.zjtx_credit })}
              >
                {t('subsidy.addAnotherSubsidy')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
