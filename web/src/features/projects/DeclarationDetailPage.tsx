/**
 * One declaration for whoever may see it: where it stands, the reviewers' reasons on its timeline, its form,
 * files and eligibility, what changed since the declaration it amends, and the actions the viewer may take.
 */
import { EditOutlined, RedoOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client';
import { mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { districtName } from '../../shared/districts';
import { yuan } from '../../shared/money';
import { createDeclaration, newKey, projectKeys, useDeclaration, withdrawDeclaration } from './api';
import { ChangesCard, ChecklistCard, EligibilityList, StateTag, TimelineCard } from './components';
import { type Decision, ReviewModal } from './ReviewModal';
import { workspaceOf } from './workspace';

export default function DeclarationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { data: d, isLoading, error } = useDeclaration(id);
  const [decision, setDecision] = useState<Decision | null>(null);
  const base = workspaceOf(me);

  if (isLoading) return <Spin />;
  if (error || !d)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={errorMessage(error)}
        data-testid="declaration-not-found"
      />
    );

  const can = (e: string) => d.actions.includes(e as never);
  async function redeclare() {
    try {
      const nd = await createDeclaration({ predecessorId: d!.id }, newKey('redeclare'));
      navigate(`/enterprise/declarations/${nd.id}/edit`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <>
      <PageHeader
        title={
          <Space>
            {d.name ?? t('projects.declarations.untitled')}
            <StateTag state={d.state} />
            {d.libraryNumber && (
              <Tag color="success" data-testid="library-number">
                {d.libraryNumber}
              </Tag>
            )}
            {d.resourcePoolLed && <Tag color="gold">{t('projects.common.priority')}</Tag>}
          </Space>
        }
        description={`${d.enterpriseName} · ${d.districtName ?? ''} · ${d.form === 'manufacturer' ? t('projects.declarations.annexManufacturer') : t('projects.declarations.annexServiceProvider')}`}
        extra={
          <Space wrap>
            {(can('submit') || can('resubmit')) && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => navigate(`/enterprise/declarations/${d.id}/edit`)}
                data-testid="declaration-edit"
              >
                {d.state === 'returned' ? t('projects.form.resubmit') : t('projects.common.edit')}
              </Button>
            )}
            {can('withdraw') && (
              <Popconfirm
                title={t('projects.form.withdrawConfirm')}
                onConfirm={async () => {
                  try {
                    await withdrawDeclaration(d.id);
                    await qc.invalidateQueries({ queryKey: projectKeys.all });
                  } catch (e) {
                    message.error(errorMessage(e));
                  }
                }}
              >
                <Button icon={<RollbackOutlined />}>{t('projects.form.withdraw')}</Button>
              </Popconfirm>
            )}
            {mayI(me, 'project.declare') && ['rejected', 'lapsed', 'withdrawn'].includes(d.state) && !d.successorId && (
              <Button icon={<RedoOutlined />} onClick={redeclare} data-testid="declaration-redeclare">
                {t('projects.declarations.redeclare')}
              </Button>
            )}
            {can('district_verify') && (
              <Button type="primary" onClick={() => setDecision('verify')} data-testid="action-verify">
                {t('projects.review.verify')}
              </Button>
            )}
            {can('district_return') && (
              <Button danger onClick={() => setDecision('return')} data-testid="action-return">
                {t('projects.review.return')}
              </Button>
            )}
            {can('city_approve') && (
              <Button type="primary" onClick={() => setDecision('approve')} data-testid="action-approve">
                {t('projects.review.approve')}
              </Button>
            )}
            {can('city_reject') && (
              <Button danger onClick={() => setDecision('reject')} data-testid="action-reject">
                {t('projects.review.reject')}
              </Button>
            )}
          </Space>
        }
      />
      {d.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('projects.common.reason')}：${d.lastReason ?? ''}`}
          description={`${t('projects.common.deadline')}：${d.returnDeadline}`}
          data-testid="return-reason"
        />
      )}
      {d.state === 'rejected' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('projects.common.reason')}：${d.lastReason ?? ''}`}
        />
      )}
      {d.predecessor && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t('projects.history.predecessor')}：
              <Link to={`${base}/declarations/${d.predecessor.id}`}>{d.predecessor.name}</Link>（
              {t(`projects.declarationState.${d.predecessor.state}`)}，{d.predecessor.declarationMonth}）
              {d.predecessor.lastReason ? ` — ${d.predecessor.lastReason}` : ''}
            </span>
          }
        />
      )}
      {d.successorId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={<Link to={`${base}/declarations/${d.successorId}`}>{t('projects.history.successor')}</Link>}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('projects.form.basic')} style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t('projects.field.enterprise')}>
                {d.enterpriseName}（{d.enterpriseUscc}）
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.field.district')}>{d.districtName}</Descriptions.Item>
              <Descriptions.Item label={t('projects.field.month')}>{d.declarationMonth ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('projects.field.declaredOn')}>{d.declaredOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('projects.review.due')}>{d.verifyDueOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('projects.field.number')}>
                {d.libraryNumber && d.projectId ? (
                  <Link to={`${base}/projects/${d.projectId}`}>{d.libraryNumber}</Link>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.form.content')} span={2}>
                {d.content}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.form.categories')} span={2}>
                {d.categoryNames.join('、')}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.form.site')}>
                {d.siteDistrictCode === 'outside' ? t('projects.form.outside') : districtName(d.siteDistrictCode, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.form.siteAddress')}>{d.siteAddress}</Descriptions.Item>
              <Descriptions.Item label={t('projects.form.startDate')}>{d.startDate}</Descriptions.Item>
              <Descriptions.Item label={t('projects.form.endDate')}>{d.endDate}</Descriptions.Item>
              <Descriptions.Item label={t('projects.form.projectStatus')}>
                {d.projectStatus ? t(`projects.projectStatus.${d.projectStatus}`) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.form.assessment')}>
                {d.assessmentLevel ? t(`projects.assessmentLevel.${d.assessmentLevel}`) : '—'} {d.assessmentDate ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.field.plannedTotal')}>{yuan(d.plannedTotal)}</Descriptions.Item>
              <Descriptions.Item label={t('projects.form.investmentMade')}>{yuan(d.investmentMade)}</Descriptions.Item>
              {d.investments.map((l) => (
                <Descriptions.Item key={l.item} label={l.itemName}>
                  {yuan(l.amount)}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={t('projects.form.loan')} span={2}>
                {d.loan
                  ? `${d.loan.bankName ?? ''} ${d.loan.contractNumber ?? ''} ${yuan(d.loan.amount)} ${t('projects.form.disbursedOn')} ${d.loan.disbursedOn ?? '—'}`
                  : t('common.no')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {d.form === 'manufacturer' && (
            <Card size="small" title={t('projects.contract.contracts')} style={{ marginBottom: 16 }}>
              <Descriptions column={1} size="small">
                {d.contracts.map((c) => (
                  <Descriptions.Item key={c.id} label={c.contractNumber}>
                    <Space wrap>
                      {c.providerName}（{c.providerUscc}）{yuan(c.amount)} {c.signedOn}
                      {c.isLead && <Tag color="blue">{t('projects.contract.isLead')}</Tag>}
                      {c.providerInResourcePool && <Tag color="gold">{t('projects.contract.inPool')}</Tag>}
                    </Space>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
          )}
          {d.changes.length > 0 && (
            <div style={{ marginBottom: 16 }}>
              <ChangesCard changes={d.changes} />
            </div>
          )}
          <ChecklistCard d={d} editable={false} />
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <TimelineCard entries={d.timeline} />
            {d.eligibility && (
              <Card size="small" title={t('projects.check.eligibilityAtSubmit')}>
                <EligibilityList view={d.eligibility} />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
      <ReviewModal ids={[d.id]} decision={decision} onClose={() => setDecision(null)} />
    </>
  );
}
