/**
 * The city's register of interpretations: the administrator records the bureau's ruling (draft); another city
 * reviewer or administrator approves it (maker–checker). Buttons appear exactly when the API would allow them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Select } from 'antd';
import { useState } from 'react';
import { type TInterpretation, type TRuling, ZRulingInput } from '../../../../src/contracts/interpretations';
import { mayDo } from '../../../../src/domain/access/business';
import { useMe } from '../../auth/session';
import { AsOfInput, useAsOf } from '../../components/AsOfInput';
import { FormError, useFormSubmit } from '../../components/FormModal';
import { LoadError } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { useToastAction } from '../../components/useAction';
import { useI18n } from '../../i18n';
import { approveRuling, recordRuling, useCityInterpretations } from './api';
import { InterpretationList } from './InterpretationList';

export default function InterpretationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { asOf, setAsOf, day } = useAsOf();
  const list = useCityInterpretations(day);
  const [editing, setEditing] = useState<TInterpretation | null>(null);
  const [form] = Form.useForm();
  const { error: formError, clearError, submit } = useFormSubmit(form);
  const refresh = () => qc.invalidateQueries({ queryKey: ['interpretations'] });

  async function save() {
    if (!editing) return;
    const body = { interpretationId: editing.id, ...form.getFieldsValue(true) };
    const parsed = ZRulingInput.safeParse(body);
    // What the contract refuses is said in the banner, each issue with its path.
    if (!parsed.success)
      throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；'));
    await recordRuling(parsed.data);
    await refresh();
    message.success(t('common.saved'));
    setEditing(null);
  }

  const toast = useToastAction();
  const approve = (id: string) =>
    toast(async () => {
      await approveRuling(id);
      await refresh();
    }, t('interp.approved'));

  const actions = (i: TInterpretation) =>
    i.engineSwitches &&
    mayDo(me, 'policy.ruling.record') && (
      <Button
        size="small"
        data-testid={`record-${i.id}`}
        onClick={() => {
          form.resetFields();
          clearError();
          setEditing(i);
        }}
      >
        {t('interp.record')}
      </Button>
    );

  const rulingActions = (r: TRuling) => {
    const target = { enterpriseId: null, editable: r.status === 'draft', madeBy: r.recordedBy };
    return (
      mayDo(me, 'policy.ruling.approve', target) && (
        <Popconfirm title={t('interp.approveConfirm')} onConfirm={() => approve(r.id)}>
          <Button size="small" type="primary" data-testid={`approve-${r.notice}`}>
            {t('interp.approve')}
          </Button>
        </Popconfirm>
      )
    );
  };

  return (
    <>
      <PageHeader
        title={t('interp.title')}
        description={t('interp.intro')}
        extra={<AsOfInput label={t('interp.asOf')} value={asOf} onChange={setAsOf} />}
      />
      <LoadError error={list.error} />
      <InterpretationList items={list.data?.interpretations ?? []} actions={actions} rulingActions={rulingActions} />
      <Modal
        open={editing !== null}
        width={720}
        title={`${t('interp.record')}：${editing?.title ?? ''}`}
        onCancel={() => setEditing(null)}
        onOk={() => submit(save)}
        okText={t('common.save')}
        destroyOnHidden
      >
        <FormError error={formError} />
        <Form form={form} layout="vertical">
          <Form.Item name="option" label={t('interp.option')}>
            <Select options={(editing?.options ?? []).map((o) => ({ value: o.id, label: o.label }))} />
          </Form.Item>
          <Form.Item name="notice" label={t('interp.notice')}>
            <Input />
          </Form.Item>
          <Form.Item name="noticeDate" label={t('interp.noticeDate')}>
            <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('interp.effectiveFrom')}>
            <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('interp.reason')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
