/**
 * The project library's detail routes (menu pages are registered in layout/menus.tsx). Each workspace's pages open
 * to whom the access tables allow the workspace's action (see workspace.ts), as the API would.
 */
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { GuardAction } from '../../../../src/domain/access/allows';
import { RequireAction } from '../../auth/RequireAction';
import { useMe } from '../../auth/session';
import { WORKSPACES } from './workspace';

const DeclarationFormPage = lazy(() => import('./DeclarationFormPage'));
const DeclarationDetailPage = lazy(() => import('./DeclarationDetailPage'));
const ProjectDetailPage = lazy(() => import('./ProjectDetailPage'));
const NotificationsPage = lazy(() => import('../notifications/NotificationsPage'));

function SignedIn({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  return me ? children : null;
}

function route(path: string, action: GuardAction, Page: LazyExoticComponent<ComponentType>): RouteObject {
  return {
    path,
    element: (
      <RequireAction action={action}>
        <Page />
      </RequireAction>
    ),
  };
}

export const projectRoutes: RouteObject[] = [
  route('/enterprise/declarations/new', 'project.declare', DeclarationFormPage),
  route('/enterprise/declarations/:id/edit', 'project.declare', DeclarationFormPage),
  ...WORKSPACES.flatMap((w) => [
    route(`${w.base}/declarations/:id`, w.action, DeclarationDetailPage),
    route(`${w.base}/projects/:id`, w.action, ProjectDetailPage),
  ]),
  {
    path: '/notifications',
    element: (
      <SignedIn>
        <NotificationsPage />
      </SignedIn>
    ),
  },
];
