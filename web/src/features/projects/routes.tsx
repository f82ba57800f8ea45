/** The project library's detail routes (menu pages are registered in layout/menus.tsx). */
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { Role } from '../../../../src/domain/access/actor';
import { useMe } from '../../auth/session';

const Forbidden = lazy(() => import('../common/Forbidden'));
const DeclarationFormPage = lazy(() => import('./DeclarationFormPage'));
const DeclarationDetailPage = lazy(() => import('./DeclarationDetailPage'));
const ProjectDetailPage = lazy(() => import('./ProjectDetailPage'));
const NotificationsPage = lazy(() => import('../notifications/NotificationsPage'));

function Guard({ roles, children }: { roles: readonly Role[] | null; children: ReactNode }) {
  const { data: me } = useMe();
  if (!me) return null;
  return roles === null || roles.includes(me.role) ? children : <Forbidden />;
}

function route(path: string, roles: readonly Role[] | null, Page: LazyExoticComponent<ComponentType>): RouteObject {
  return {
    path,
    element: (
      <Guard roles={roles}>
        <Page />
      </Guard>
    ),
  };
}

const CITY: readonly Role[] = ['city_reviewer', 'city_admin'];

export const projectRoutes: RouteObject[] = [
  route('/enterprise/declarations/new', ['enterprise'], DeclarationFormPage),
  route('/enterprise/declarations/:id/edit', ['enterprise'], DeclarationFormPage),
  route('/enterprise/declarations/:id', ['enterprise'], DeclarationDetailPage),
  route('/district/declarations/:id', ['district_reviewer'], DeclarationDetailPage),
  route('/city/declarations/:id', CITY, DeclarationDetailPage),
  route('/enterprise/projects/:id', ['enterprise'], ProjectDetailPage),
  route('/district/projects/:id', ['district_reviewer'], ProjectDetailPage),
  route('/city/projects/:id', CITY, ProjectDetailPage),
  route('/notifications', null, NotificationsPage),
];
