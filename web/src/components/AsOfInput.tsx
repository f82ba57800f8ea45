/** The date a register is read on: typed as YYYY-MM-DD; until it is a whole date, today's register is shown. */
import { Input } from 'antd';
import { useState } from 'react';
import { todayIso } from './forms';

export function useAsOf() {
  const [asOf, setAsOf] = useState(todayIso());
  return { asOf, setAsOf, day: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : todayIso() };
}

export function AsOfInput({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  return <Input aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} style={{ width: 140 }} />;
}
