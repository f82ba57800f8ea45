/**
 * The city's policy versions: the administrator records a renewal notice (draft), corrects it; another city
 * reviewer or administrator approves it (maker–checker). Buttons appear exactly when the API would allow them.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { type TPolicyVersion, ZPolicyVersionInput } from '../../../../src/contracts/policy-versions';
import { mayDo } from '../../../../src/domain/access/business';
import { ZYB_PARAM_LABELS } from '../../../../src/domain/policies/zyb/params';
import { ZYB_VERSION_KEYS } from '../../../../src/domain/policies/zyb/versions';
import { useMe } from '../../auth/session';
import { AsOfInput, useAsOf } from '../../components/AsOfInput';
import { TextField } from '../../components/FormFields';
import { FormError, useFormSubmit } from '../../components/FormModal';
import { LoadError } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { useToastAction } from '../../components/useAction';
import { useI18n } from '../../i18n';
import { DraftSandboxModal } from '../sandbox/DraftSandboxModal';
import { approveVersion, draftVersion, readVersion, updateVersion, useCityVersions } from './api';
import { VersionTable } from './VersionTable';

interface ChangeRow {
  key: string;
  value: string;
  ref: string;
  quote: string;
}

const V = ZPolicyVersionInput.shape;

const refs = (s: string) =>
  String(s ?? '')
    .split(/[,，\s]+/)
    .filter(Boolean);

export default function PolicyVersionsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { asOf, setAsOf } = useAsOf();
  const list = useCityVersions(asOf);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [form] = Form.useForm();
  const { error: formError, clearError, submit } = useFormSubmit(form);
  const refresh = () => qc.invalidateQueries({ queryKey: ['policy-versions'] });

  async function openEdit(v: TPolicyVersion | null) {
    clearError();
    form.resetFields();
    setEditing(v?.id ?? null);
    if (v) {
      const d = await readVersion(v.id);
      form.setFieldsValue({
        docNumber: d.docNumber,
        title: d.title,
        issuer: d.issuer,
        issuedOn: d.issuedOn,
        validFrom: d.validFrom,
        validTo: d.validTo ?? '',
        sourceText: d.sourceText ?? '',
        validityRef: d.params?.validityArticle.ref.join(','),
        validityQuote: d.params?.validityArticle.quote,
        changes: Object.entries(d.params?.changes ?? {}).map(([key, c]) => ({
          key,
          value: c?.value,
          ref: c?.article.ref.join(','),
          quote: c?.article.quote,
        })),
      });
    }
    setOpen(true);
  }

  async function save() {
    const v = form.getFieldsValue(true);
    const changes: Record<string, unknown> = {};
    for (const c of (v.changes ?? []) as ChangeRow[]) {
      if (!c?.key) continue;
      changes[c.key] = { value: String(c.value ?? '').trim(), article: { ref: refs(c.ref), quote: c.quote ?? '' } };
    }
    const body = {
      docNumber: v.docNumber,
      title: v.title,
      issuer: v.issuer,
      issuedOn: v.issuedOn,
      validFrom: v.validFrom,
      validTo: v.validTo?.trim() ? v.validTo.trim() : null,
      sourceText: v.sourceText ?? '',
      params: { validityArticle: { ref: refs(v.validityRef), quote: v.validityQuote ?? '' }, changes },
    };
    if (editing) await updateVersion(editing, body);
    else await draftVersion(body);
    await refresh();
    message.success(t('common.saved'));
    setOpen(false);
  }

  const [sandboxOf, setSandboxOf] = useState<string | null>(null);

  const toast = useToastAction();
  const approve = (id: string) =>
    toast(async () => {
      await approveVersion(id);
      await refresh();
    }, t('versions.approved'));

  const actions = (v: TPolicyVersion) => {
    if (v.builtIn) return null;
    const target = { enterpriseId: null, editable: v.status === 'draft', madeBy: v.draftedBy };
    return (
      <Space>
        {mayDo(me, 'policy.version.update', target) && (
          <Button size="small" onClick={() => openEdit(v)}>
            {t('versions.edit')}
          </Button>
        )}
        {mayDo(me, 'policy.version.approve', target) && (
          <Popconfirm title={t('versions.approveConfirm')} onConfirm={() => approve(v.id)}>
            <Button size="small" type="primary" data-testid={`approve-${v.docNumber}`}>
              {t('versions.approve')}
            </Button>
          </Popconfirm>
        )}
        {v.status === 'draft' && mayDo(me, 'subsidy.sandbox.run') && (
          <Button size="small" onClick={() => setSandboxOf(v.id)} data-testid={`sandbox-${v.docNumber}`}>
            {t('sandbox.draftRun')}
          </Button>
        )}
      </Space>
    );
  };

  return (
    <>
      <PageHeader
        title={t('versions.title')}
        description={t('versions.intro')}
        extra={
          <Space>
            <AsOfInput label={t('versions.asOf')} value={asOf} onChange={setAsOf} />
            {mayDo(me, 'policy.version.draft') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => openEdit(null)}>
                {t('versions.new')}
              </Button>
            )}
          </Space>
        }
      />
      <LoadError error={list.error} />
      <Card>
        <VersionTable versions={list.data?.versions ?? []} actions={actions} showRecord />
      </Card>
      <DraftSandboxModal versionId={sandboxOf} onClose={() => setSandboxOf(null)} />
      <Modal
        open={open}
        width={820}
        title={editing ? t('versions.edit') : t('versions.new')}
        onCancel={() => setOpen(false)}
        onOk={() => submit(save)}
        okText={t('common.save')}
        destroyOnHidden
      >
        <FormError error={formError} />
        <Form form={form} layout="vertical" initialValues={{ changes: [{}] }}>
          <Space wrap>
            <TextField schema={V.docNumber} name="docNumber" label={t('versions.docNumber')} style={{ width: 260 }} />
            <TextField schema={V.issuer} name="issuer" label={t('versions.issuer')} style={{ width: 260 }} />
            <TextField
              schema={V.issuedOn}
              name="issuedOn"
              label={t('versions.issuedOn')}
              placeholder="YYYY-MM-DD"
              style={{ width: 140 }}
            />
          </Space>
          <TextField schema={V.title} name="title" label={t('versions.titleField')} />
          <Space wrap>
            <TextField
              schema={V.validFrom}
              name="validFrom"
              label={t('versions.validFrom')}
              placeholder="YYYY-MM-DD"
              style={{ width: 140 }}
            />
            <Form.Item name="validTo" label={t('versions.validTo')}>
              <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="validityRef" label={t('versions.validityRef')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="validityQuote" label={t('versions.validityQuote')}>
              <Input style={{ width: 240 }} />
            </Form.Item>
          </Space>
          <Form.Item name="sourceText" label={t('versions.sourceText')}>
            <Input.TextArea rows={6} />
          </Form.Item>
          <Form.List name="changes">
            {(fields, { add, remove }) => (
              <Card
                size="small"
                title={t('versions.changes')}
                extra={<Button onClick={() => add({})}>{t('versions.addChange')}</Button>}
              >
                <Alert type="info" showIcon title={t('versions.valueHint')} style={{ marginBottom: 8 }} />
                {fields.map((f) => (
                  <Space key={f.key} wrap align="baseline">
                    <Form.Item name={[f.name, 'key']} label={t('versions.param')}>
                      <Select
                        style={{ width: 220 }}
                        options={ZYB_VERSION_KEYS.map((k) => ({ value: k, label: ZYB_PARAM_LABELS[k] }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']} label={t('versions.value')}>
                      <Input style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'ref']} label={t('versions.ref')}>
                      <Input style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'quote']} label={t('versions.quote')}>
                      <Input style={{ width: 200 }} />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>×</Button>
                  </Space>
                ))}
              </Card>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
