import { Flex, Typography } from 'antd';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useDocumentTitle } from './useDocumentTitle';

/**
 * A page's heading: its one <h1> (drawn at the size of a section title) and the browser tab's title, taken from the
 * heading's text unless `documentTitle` says otherwise.
 */
export function PageHeader({
  title,
  extra,
  description,
  documentTitle,
}: {
  title: ReactNode;
  extra?: ReactNode;
  description?: ReactNode;
  documentTitle?: string;
}) {
  const ref = useRef<HTMLElement>(null);
  const [text, setText] = useState<string | null>(typeof title === 'string' ? title : null);
  useLayoutEffect(() => {
    setText(ref.current?.textContent ?? null);
  });
  useDocumentTitle(documentTitle ?? text);
  return (
    <div className="page-header">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title ref={ref} level={1} className="page-title">
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {description && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {description}
        </Typography.Paragraph>
      )}
    </div>
  );
}
