import { createRouter, createWebHistory } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title shown in the browser tab. */
    titleKey?: string;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: '/offers' },
    {
      path: '/offers',
      name: 'offers',
      component: () => import('./pages/OffersPage.vue'),
      meta: { titleKey: 'offers.title' },
    },
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('./pages/NotFoundPage.vue'),
      meta: { titleKey: 'notFound.title' },
    },
  ],
});
