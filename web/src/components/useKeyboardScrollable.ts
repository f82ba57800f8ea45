import { useEffect } from 'react';

/** antd's scrolling table bodies (wider than the page when a table has `scroll={{ x }}`) and our scrolling boxes. */
const SCROLLERS = '.ant-table-content, .ant-table-body, .source-text, .problem-list';

/**
 * Makes the scrolling parts of tables and text boxes reachable with the keyboard (Tab, then the arrow keys), so a wide table's right
 * columns can be read without a mouse even when its rows hold no link or button (WCAG 2.1.1; axe-core's
 * scrollable-region-focusable). antd gives no prop for it, so the layout marks them as they appear.
 */
export function useKeyboardScrollable(): void {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        if (!el.hasAttribute('tabindex')) el.tabIndex = 0;
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
