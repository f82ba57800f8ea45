/**
 * The declaration form (附件3 for manufacturers, 附件4 for service providers): saved as a draft at any time, checked
 * live against the filing window, the required fields, the materials checklist and the policy engine's conditions
 * (each failure with its citation), and submitted only when nothing blocks it.
 */
import { DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Switch,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  type TCheckResult,
  type TDeclarationDetail,
  ZDeclarationDraft,
  ZLoanInput,
  ZServiceContractInput,
} from '../../../../src/contracts/projects';
import { ASSESSMENT_LEVELS, PROJECT_STATUSES } from '../../../../src/domain/projects/forms';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { dateProps, MoneyInput } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { maxLengthOf } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { DISTRICTS } from '../../shared/districts';
import { latestOnly } from '../../shared/latest';
import { useMyEnterprise } from '../enterprise/api';
import {
  checkDeclaration,
  createDeclaration,
  newKey,
  projectKeys,
  saveDeclaration,
  submitDeclaration,
  uploadFile,
  useBanks,
  useDeclaration,
  useFormDefinition,
} from './api';
import { ChecklistCard, CheckPanel, WindowBanner } from './components';

interface ContractValues {
  providerUscc?: string;
  providerName?: string;
  contractNumber?: string;
  amount?: string;
  signedOn?: string;
  startDate?: string | null;
  endDate?: string | null;
  isLead?: boolean;
  attachmentId?: string | null;
  fileName?: string | null;
}

interface Values {
  name?: string;
  content?: string;
  categories?: string[];
  siteDistrictCode?: string;
  siteAddress?: string;
  startDate?: string;
  endDate?: string;
  projectStatus?: string;
  investments?: { item?: string; amount?: string }[];
  investmentMade?: string;
  assessmentLevel?: string;
  assessmentDate?: string;
  hasLoan?: boolean;
  loan?: { bankId?: string; contractNumber?: string; amount?: string; disbursedOn?: string; maturityOn?: string };
  contracts?: ContractValues[];
}

const D = ZDeclarationDraft.shape;
const C = ZServiceContractInput.shape;

const blank = (v: string | undefined | null) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

/** Form values → the API's draft body (empty fields are null; a draft may be incomplete). */
function bodyOf(v: Values, form: string) {
  return {
    name: blank(v.name),
    content: blank(v.content),
    categories: v.categories ?? [],
    siteDistrictCode: v.siteDistrictCode ?? null,
    siteAddress: blank(v.siteAddress),
    startDate: v.startDate ?? null,
    endDate: v.endDate ?? null,
    projectStatus: v.projectStatus ?? null,
    investments: (v.investments ?? [])
      .filter((l) => l?.item && blank(l.amount))
      .map((l) => ({ item: l.item!, amount: l.amount!.trim() })),
    investmentMade: blank(v.investmentMade),
    assessmentLevel: v.assessmentLevel ?? null,
    assessmentDate: v.assessmentDate ?? null,
    hasLoan: !!v.hasLoan,
    loan: v.hasLoan
      ? {
          bankId: v.loan?.bankId ?? null,
          contractNumber: blank(v.loan?.contractNumber),
          amount: blank(v.loan?.amount),
          disbursedOn: v.loan?.disbursedOn ?? null,
          maturityOn: v.loan?.maturityOn ?? null,
        }
      : null,
    contracts:
      form === 'manufacturer'
        ? (v.contracts ?? [])
            .filter((c) => c && (c.providerUscc || c.contractNumber))
            .map((c) => ({
              providerUscc: (c.providerUscc ?? '').trim(),
              providerName: (c.providerName ?? '').trim(),
              contractNumber: (c.contractNumber ?? '').trim(),
              amount: (c.amount ?? '').trim(),
              signedOn: c.signedOn ?? '',
              startDate: c.startDate ?? null,
              endDate: c.endDate ?? null,
              isLead: !!c.isLead,
              attachmentId: c.attachmentId ?? null,
            }))
        : [],
  };
}

function valuesOf(d: TDeclarationDetail): Values {
  return {
    name: d.name ?? undefined,
    content: d.content ?? undefined,
    categories: d.categories,
    siteDistrictCode: d.siteDistrictCode ?? undefined,
    siteAddress: d.siteAddress ?? undefined,
    startDate: d.startDate ?? undefined,
    endDate: d.endDate ?? undefined,
    projectStatus: d.projectStatus ?? undefined,
    investments: d.investments.length ? d.investments.map((l) => ({ item: l.item, amount: l.amount })) : [{}],
    investmentMade: d.investmentMade ?? undefined,
    assessmentLevel: d.assessmentLevel ?? undefined,
    assessmentDate: d.assessmentDate ?? undefined,
    hasLoan: d.hasLoan,
    loan: d.loan
      ? {
          bankId: d.loan.bankId ?? undefined,
          contractNumber: d.loan.contractNumber ?? undefined,
          amount: d.loan.amount ?? undefined,
          disbursedOn: d.loan.disbursedOn ?? undefined,
          maturityOn: d.loan.maturityOn ?? undefined,
        }
      : undefined,
    contracts: d.contracts.map((c) => ({
      providerUscc: c.providerUscc,
      providerName: c.providerName,
      contractNumber: c.contractNumber,
      amount: c.amount,
      signedOn: c.signedOn,
      startDate: c.startDate,
      endDate: c.endDate,
      isLead: c.isLead,
      attachmentId: c.attachmentId,
      fileName: c.attachment?.fileName ?? null,
    })),
  };
}

export default function DeclarationFormPage() {
  const { id } = useParams<{ id: string }>();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: enterprise } = useMyEnterprise();
  const { data: d, isLoading } = useDeclaration(id);
  const formType = d?.form ?? enterprise?.type;
  const { data: def } = useFormDefinition(formType);
  const { data: banks } = useBanks();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const [check, setCheck] = useState<TCheckResult | undefined>();
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const checks = useRef(latestOnly());
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useRef<number | null>(null);
  const createKey = useRef(newKey('create'));
  const loadedFor = useRef<string | null>(null);

  useEffect(() => {
    if (d && loadedFor.current !== `${d.id}:${d.version}`) {
      loadedFor.current = `${d.id}:${d.version}`;
      version.current = d.version;
      form.setFieldsValue(valuesOf(d));
    }
  }, [d, form]);
  useEffect(() => {
    if (!id && formType === 'manufacturer' && !form.getFieldValue('contracts'))
      form.setFieldsValue({ contracts: [{ isLead: true }], investments: [{}] });
    if (!id && formType === 'service_provider' && !form.getFieldValue('investments'))
      form.setFieldsValue({ investments: [{}] });
  }, [id, formType, form]);

  // The live check: the unsaved form, debounced.
  const body = useMemo(() => (values && formType ? bodyOf(values, formType) : null), [values, formType]);
  const bodyKey = JSON.stringify(body);
  // Recomputed after every change (a fixed field, an uploaded or replaced file); only the newest answer is shown,
  // and an input the check refuses replaces the previous answer with the reason instead of leaving it stale.
  const filesKey = (d?.attachments ?? []).map((a) => a.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the body's content (bodyKey) or the files change
  useEffect(() => {
    if (!body) return;
    const timer = setTimeout(() => {
      setChecking(true);
      void checks.current.run(() => checkDeclaration({ ...body, declarationId: id ?? null }), {
        result: (r) => {
          setCheck(r);
          setCheckError(null);
        },
        failure: (e) => {
          setCheck(undefined);
          setCheckError(errorMessage(e));
        },
        settled: () => setChecking(false),
      });
    }, 500);
    return () => clearTimeout(timer);
  }, [bodyKey, id, filesKey]);

  const editable = !d || d.state === 'draft' || d.state === 'returned';

  async function save(): Promise<TDeclarationDetail | null> {
    setError(null);
    const v = form.getFieldsValue(true) as Values;
    const b = bodyOf(v, formType!);
    try {
      const saved = id
        ? await saveDeclaration(id, { ...b, version: version.current })
        : await createDeclaration(b, createKey.current);
      version.current = saved.version;
      qc.setQueryData(projectKeys.declaration(saved.id), saved);
      await qc.invalidateQueries({ queryKey: ['projects', 'declarations'] });
      if (!id) navigate(`/enterprise/declarations/${saved.id}/edit`, { replace: true });
      return saved;
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
      return null;
    }
  }

  async function onSave() {
    setBusy('save');
    const saved = await save();
    setBusy(null);
    if (saved) message.success(t('projects.form.saved'));
  }

  async function onSubmit() {
    setBusy('submit');
    const saved = await save();
    if (!saved) return setBusy(null);
    try {
      await submitDeclaration(saved.id, newKey('submit'));
      await qc.invalidateQueries({ queryKey: projectKeys.all });
      message.success(t('projects.form.submitted'));
      navigate(`/enterprise/declarations/${saved.id}`);
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function uploadContract(index: number, file: File) {
    if (!id) return;
    try {
      const up = await uploadFile(file, { ownerType: 'project_declaration', ownerId: id, kind: 'service_contract' });
      form.setFieldValue(['contracts', index, 'attachmentId'], up.id);
      form.setFieldValue(['contracts', index, 'fileName'], up.fileName);
      const saved = await save();
      if (saved) message.success(`${t('projects.common.uploaded')}：${up.fileName}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  if (id && isLoading) return <Spin />;
  if (!formType) return <Spin />;
  const isManufacturer = formType === 'manufacturer';

  return (
    <>
      <PageHeader
        title={`${d?.name ?? t('projects.declarations.newDeclaration')}`}
        description={def ? `${def.annex}` : undefined}
        extra={
          editable && (
            <Space>
              <Button icon={<SaveOutlined />} loading={busy === 'save'} onClick={onSave} data-testid="declaration-save">
                {t('projects.form.saveDraft')}
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={busy === 'submit'}
                onClick={onSubmit}
                disabled={!check?.canSubmit}
                data-testid="declaration-submit"
              >
                {d?.state === 'returned' ? t('projects.form.resubmit') : t('projects.form.submit')}
              </Button>
            </Space>
          )
        }
      />
      <WindowBanner />
      {d?.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('projects.common.reason')}：${d.lastReason ?? ''}`}
          description={`${t('projects.common.deadline')}：${d.returnDeadline ?? ''}`}
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="form-error" />}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Form<Values> form={form} layout="vertical" disabled={!editable}>
            <Card title={t('projects.form.basic')} size="small" style={{ marginBottom: 16 }}>
              <Form.Item name="name" label={t('projects.field.name')}>
                <Input maxLength={maxLengthOf(D.name)} />
              </Form.Item>
              <Form.Item name="content" label={t('projects.form.content')}>
                <Input.TextArea rows={3} maxLength={maxLengthOf(D.content)} />
              </Form.Item>
              <Form.Item name="categories" label={t('projects.form.categories')} extra={def?.categories.citation}>
                <Checkbox.Group
                  options={(def?.categories.items ?? []).map((i) => ({ value: i.code, label: i.name }))}
                />
              </Form.Item>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="siteDistrictCode" label={t('projects.form.site')}>
                    <Select
                      options={[
                        ...DISTRICTS.map((x) => ({ value: x.code, label: x[lang] })),
                        { value: 'outside', label: t('projects.form.outside') },
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item name="siteAddress" label={t('projects.form.siteAddress')}>
                    <Input maxLength={maxLengthOf(D.siteAddress)} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="startDate" label={t('projects.form.startDate')} {...dateProps}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="endDate" label={t('projects.form.endDate')} {...dateProps}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="projectStatus" label={t('projects.form.projectStatus')}>
                    <Radio.Group
                      optionType="button"
                      options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.projectStatus.${s}`) }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card
              title={t('projects.form.investment')}
              size="small"
              style={{ marginBottom: 16 }}
              extra={def?.investmentItems.citation}
            >
              <Form.List name="investments">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                        <Form.Item
                          name={[f.name, 'item']}
                          label={f.name === 0 ? t('projects.form.investmentItem') : undefined}
                        >
                          <Select
                            style={{ width: 260 }}
                            data-testid={`investment-${f.name}-item`}
                            options={(def?.investmentItems.items ?? []).map((i) => ({ value: i.code, label: i.name }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'amount']}
                          label={f.name === 0 ? t('projects.form.amount') : undefined}
                        >
                          <MoneyInput style={{ width: 200 }} data-testid={`investment-${f.name}-amount`} />
                        </Form.Item>
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} type="text" />
                      </Space>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="investment-add">
                      {t('projects.form.addItem')}
                    </Button>
                  </>
                )}
              </Form.List>
              <Divider />
              <Form.Item name="investmentMade" label={t('projects.form.investmentMade')}>
                <MoneyInput style={{ width: 240 }} />
              </Form.Item>
            </Card>

            <Card title={t('projects.form.assessment')} size="small" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="assessmentLevel" label={t('projects.form.assessmentLevel')}>
                    <Select
                      options={ASSESSMENT_LEVELS.map((l) => ({ value: l, label: t(`projects.assessmentLevel.${l}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="assessmentDate" label={t('projects.form.assessmentDate')} {...dateProps}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card title={t('projects.form.loan')} size="small" style={{ marginBottom: 16 }}>
              <Form.Item name="hasLoan" label={t('projects.form.hasLoan')} valuePropName="checked">
                <Switch />
              </Form.Item>
              {values?.hasLoan && (
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item name={['loan', 'bankId']} label={t('projects.form.bank')}>
                      <Select options={(banks ?? []).map((b) => ({ value: b.id, label: b.name }))} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name={['loan', 'contractNumber']} label={t('projects.form.loanContract')}>
                      <Input maxLength={maxLengthOf(ZLoanInput.shape.contractNumber)} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={['loan', 'amount']} label={t('projects.form.loanAmount')}>
                      <MoneyInput />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={['loan', 'disbursedOn']} label={t('projects.form.disbursedOn')} {...dateProps}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={['loan', 'maturityOn']} label={t('projects.form.maturityOn')} {...dateProps}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              )}
            </Card>

            {isManufacturer && (
              <Card title={t('projects.contract.contracts')} size="small" style={{ marginBottom: 16 }}>
                <Typography.Paragraph type="secondary">{t('projects.contract.contractsHint')}</Typography.Paragraph>
                <Form.List name="contracts">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f) => (
                        <Card
                          key={f.key}
                          size="small"
                          type="inner"
                          style={{ marginBottom: 12 }}
                          title={`${t('projects.contract.contracts')} ${f.name + 1}`}
                          extra={<Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}
                        >
                          <Row gutter={12}>
                            <Col span={12}>
                              <Form.Item name={[f.name, 'providerUscc']} label={t('projects.contract.providerUscc')}>
                                <Input
                                  maxLength={maxLengthOf(C.providerUscc)}
                                  data-testid={`contract-${f.name}-providerUscc`}
                                />
                              </Form.Item>
                            </Col>
                            <Col span={12}>
                              <Form.Item name={[f.name, 'providerName']} label={t('projects.contract.providerName')}>
                                <Input
                                  maxLength={maxLengthOf(C.providerName)}
                                  data-testid={`contract-${f.name}-providerName`}
                                />
                              </Form.Item>
                            </Col>
                            <Col span={8}>
                              <Form.Item
                                name={[f.name, 'contractNumber']}
                                label={t('projects.contract.contractNumber')}
                              >
                                <Input
                                  maxLength={maxLengthOf(C.contractNumber)}
                                  data-testid={`contract-${f.name}-contractNumber`}
                                />
                              </Form.Item>
                            </Col>
                            <Col span={8}>
                              <Form.Item name={[f.name, 'amount']} label={t('projects.contract.contractAmount')}>
                                <MoneyInput data-testid={`contract-${f.name}-amount`} />
                              </Form.Item>
                            </Col>
                            <Col span={8}>
                              <Form.Item
                                name={[f.name, 'signedOn']}
                                label={t('projects.contract.signedOn')}
                                {...dateProps}
                              >
                                <DatePicker style={{ width: '100%' }} data-testid={`contract-${f.name}-signedOn`} />
                              </Form.Item>
                            </Col>
                            <Col span={8}>
                              <Form.Item
                                name={[f.name, 'startDate']}
                                label={t('projects.form.startDate')}
                                {...dateProps}
                              >
                                <DatePicker style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                            <Col span={8}>
                              <Form.Item name={[f.name, 'endDate']} label={t('projects.form.endDate')} {...dateProps}>
                                <DatePicker style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                            <Col span={8}>
                              <Form.Item
                                name={[f.name, 'isLead']}
                                label={t('projects.contract.isLead')}
                                valuePropName="checked"
                              >
                                <Checkbox />
                              </Form.Item>
                            </Col>
                          </Row>
                          <Form.Item name={[f.name, 'attachmentId']} hidden>
                            <Input />
                          </Form.Item>
                          <Form.Item name={[f.name, 'fileName']} hidden>
                            <Input />
                          </Form.Item>
                          <Space>
                            <Typography.Text>{t('projects.contract.contractFile')}：</Typography.Text>
                            <Typography.Text type={values?.contracts?.[f.name]?.attachmentId ? 'success' : 'danger'}>
                              {values?.contracts?.[f.name]?.fileName ??
                                (values?.contracts?.[f.name]?.attachmentId
                                  ? t('projects.common.uploaded')
                                  : t('projects.common.missing'))}
                            </Typography.Text>
                            {id && editable && (
                              <Upload
                                showUploadList={false}
                                customRequest={async ({ file, onSuccess }) => {
                                  await uploadContract(f.name, file as File);
                                  onSuccess?.({});
                                }}
                              >
                                <Button
                                  size="small"
                                  icon={<UploadOutlined />}
                                  data-testid={`contract-${f.name}-upload`}
                                >
                                  {t('projects.contract.uploadContract')}
                                </Button>
                              </Upload>
                            )}
                          </Space>
                        </Card>
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="contract-add">
                        {t('projects.contract.addContract')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            )}
          </Form>
        </Col>
        <Col xs={24} xl={9}>
          <div style={{ position: 'sticky', top: 16, display: 'flex', flexDirection: 'column', gap: 16 }}>
            <CheckPanel result={check} loading={checking} error={checkError} />
            {d ? (
              <ChecklistCard d={d} editable={editable} />
            ) : (
              <Alert type="info" showIcon title={t('projects.materials.materialsSaveFirst')} />
            )}
          </div>
        </Col>
      </Row>
    </>
  );
}
