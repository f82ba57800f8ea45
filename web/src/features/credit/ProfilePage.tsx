/**
 * 企业画像: the enterprise sees its own profile and who viewed it; a bank picks among the enterprises whose consent
 * covers it (each read is logged for the enterprise); districts and the city read within their scope, and the city
 * administrator records digital-level assessments (002 三（四）2).
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, InputNumber, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { type TCreditProfile, type TDigitalLevelInput, ZDigitalLevelInput } from '../../../../src/contracts/credit';
import { mayDo } from '../../../../src/domain/access/business';
import { useMe } from '../../auth/session';
import { DateField, TextField } from '../../components/FormFields';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';
import { recordDigitalLevel, useProfile, useProfiles, useProfileViews } from './api';

const S = ZDigitalLevelInput.shape;

function DigitalLevelDialog({ enterpriseId, open, onClose }: { enterpriseId: string; open: boolean; onClose(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<TDigitalLevelInput>();
  return (
    <FormModal
      form={form}
      name="digitalLevel"
      open={open}
      title={t('credit.digital.record')}
      onClose={onClose}
      onSubmit={async (v) => {
        await recordDigitalLevel(enterpriseId, v);
        await qc.invalidateQueries({ queryKey: ['credit'] });
        message.success(t('credit.digital.record'));
        onClose();
      }}
    >
      <Form.Item name="level" label={t('credit.digital.level')} rules={[zodRule(S.level, 'level', lang)]}>
        <InputNumber min={1} max={4} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <TextField schema={S.score} name="score" label={t('credit.digital.score')} />
      <DateField schema={S.assessedOn} name="assessedOn" label={t('credit.digital.assessedOn')} />
      <DateField schema={S.validTo} name="validTo" label={t('credit.digital.validTo')} />
      <TextField schema={S.assessor} name="assessor" label={t('credit.digital.assessor')} />
      <TextField schema={S.evidence} name="evidence" label={t('credit.digital.evidence')} rows={3} />
    </FormModal>
  );
}

function Profile({ p }: { p: TCreditProfile }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" data-testid="credit-score">
        <Space size="large" wrap>
          <Statistic
            title={`${p.name}（${p.uscc}）· ${t('credit.profile.score')}`}
            value={p.score.score}
            suffix="/ 100"
          />
          <Statistic title={t('credit.profile.openWarnings')} value={p.openWarnings} />
        </Space>
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={p.sharedNote} />
      </Card>
      <Card size="small" title={t('credit.profile.breakdown')}>
        <Table
          size="small"
          rowKey="rule"
          pagination={false}
          dataSource={p.score.lines}
          columns={[
            { title: t('credit.score.rule'), dataIndex: 'label' },
            { title: t('credit.score.fact'), dataIndex: 'fact' },
            {
              title: t('credit.score.points'),
              dataIndex: 'points',
              render: (n: number) => <Tag color={n >= 0 ? 'green' : 'red'}>{n > 0 ? `+${n}` : n}</Tag>,
            },
            { title: t('credit.score.ruleText'), dataIndex: 'ruleText' },
            { title: t('credit.score.citation'), dataIndex: 'citation' },
          ]}
        />
        <Alert type="warning" style={{ marginTop: 12 }} title={p.score.reading} />
      </Card>
      {p.sections.map((sec) => (
        <Card key={sec.key} size="small" title={sec.title} data-testid={`credit-section-${sec.key}`}>
          <Table
            size="small"
            rowKey={(_r, i) => `${sec.key}-${i}`}
            pagination={false}
            dataSource={sec.items}
            columns={[
              { title: t('credit.item.label'), dataIndex: 'label', width: 140 },
              { title: t('credit.item.value'), dataIndex: 'value' },
              { title: t('credit.item.source'), dataIndex: 'source', width: 220 },
              { title: t('credit.item.date'), dataIndex: 'date', width: 120, render: (d: string | null) => d ?? '—' },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}

function ViewLog({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const views = useProfileViews(enterpriseId, true);
  return (
    <Card size="small" title={t('credit.views.title')} data-testid="credit-view-log">
      <Table
        size="small"
        rowKey="id"
        loading={views.isLoading}
        locale={{ emptyText: t('credit.views.none') }}
        dataSource={views.data?.items ?? []}
        columns={[
          { title: t('credit.views.org'), dataIndex: 'organisation' },
          { title: t('credit.views.who'), dataIndex: 'viewerName' },
          { title: t('credit.views.when'), dataIndex: 'viewedAt', render: (v: string) => formatInstant(v) },
        ]}
      />
    </Card>
  );
}

export default function ProfilePage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const own = me?.enterpriseId ?? null;
  const list = useProfiles(!!me && !own);
  const [picked, setPicked] = useState<string | null>(null);
  const [dialog, setDialog] = useState(false);
  const id = own ?? picked;
  const profile = useProfile(id);
  const mayRecord = !!me && mayDo(me, 'credit.digital_level.record');
  return (
    <>
      <PageHeader title={t('credit.profile.title')} description={t('credit.profile.intro')} />
      {!own && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form layout="inline">
            <Form.Item label={t('credit.profile.pick')} htmlFor="credit-pick">
              <Select
                id="credit-pick"
                data-testid="credit-pick"
                showSearch
                optionFilterProp="label"
                style={{ minWidth: 320 }}
                value={picked}
                onChange={setPicked}
                loading={list.isLoading}
                options={(list.data?.items ?? []).map((e) => ({ value: e.enterpriseId, label: e.name }))}
              />
            </Form.Item>
            {mayRecord && picked && <Button onClick={() => setDialog(true)}>{t('credit.digital.record')}</Button>}
          </Form>
          <div style={{ marginTop: 8 }}>{t('credit.profile.pickHint')}</div>
        </Card>
      )}
      {profile.error ? <LoadError error={profile.error} /> : null}
      {!id && <Empty description={t('credit.profile.none')} />}
      {profile.data && <Profile p={profile.data} />}
      {own && mayDo(me!, 'credit.profile.views') && (
        <div style={{ marginTop: 16 }}>
          <ViewLog enterpriseId={own} />
        </div>
      )}
      {picked && <DigitalLevelDialog enterpriseId={picked} open={dialog} onClose={() => setDialog(false)} />}
    </>
  );
}
