/** An enterprise's registered facts, as shown to the enterprise itself and to reviewers in its scope. */
import { Alert, Descriptions, Tag } from 'antd';
import type { TEnterprise } from '../../../../src/contracts/enterprises';
import { useI18n } from '../../i18n';
import { districtName } from '../../shared/districts';
import { formatInstant } from '../../shared/time';

export function CreditTag({ status }: { status: TEnterprise['creditStatus'] }) {
  const { t } = useI18n();
  const color = status === 'good' ? 'green' : status === 'abnormal' ? 'orange' : 'red';
  return <Tag color={color}>{t(`enterprise.creditStatus.${status}`)}</Tag>;
}

export function PoolTag({ e }: { e: Pick<TEnterprise, 'inResourcePool' | 'resourcePoolSince'> }) {
  const { t } = useI18n();
  return e.inResourcePool ? (
    <Tag color="blue">{t('enterprise.inPool', { since: e.resourcePoolSince ?? '—' })}</Tag>
  ) : (
    <Tag>{t('enterprise.notInPool')}</Tag>
  );
}

export function EnterpriseInfo({ e }: { e: TEnterprise }) {
  const { t, lang } = useI18n();
  return (
    <>
      {!e.eligibleForCityProgrammes && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('enterprise.ineligible')}
          description={e.ineligibleReason}
        />
      )}
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle" data-testid="enterprise-info">
        <Descriptions.Item label={t('field.enterpriseName')} span="filled">
          {e.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.uscc')}>
          <span className="mono">{e.uscc}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.enterpriseType')}>{t(`enterprise.type.${e.type}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.district')}>
          {e.outsideCity ? t('register.outsideCity') : districtName(e.districtCode, lang) || e.districtName}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.isSme')}>{e.isSme ? t('common.yes') : t('common.no')}</Descriptions.Item>
        <Descriptions.Item label={t('field.establishedOn')}>{e.establishedOn}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.resourcePool')}>
          <PoolTag e={e} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.registeredAddress')} span="filled">
          {e.registeredAddress}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.operatingAddress')} span="filled">
          {e.operatingAddress}
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprise.credit')}>
          <CreditTag status={e.creditStatus} />
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprise.creditSource')}>
          {e.creditSource ? `${e.creditSource}（${e.creditAsOf ?? '—'}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.contactName')}>{e.contactName}</Descriptions.Item>
        <Descriptions.Item label={t('field.contactPhone')}>{e.contactPhoneMasked}</Descriptions.Item>
        <Descriptions.Item label={t('field.legalRepName')}>{e.legalRepName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.legalRepIdNumber')}>{e.legalRepIdNumberMasked ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.registeredAt')}>{formatInstant(e.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('enterprise.updatedAt')}>{formatInstant(e.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
