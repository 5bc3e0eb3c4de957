import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import type { Role } from './graphql/auth';
import { hasAnyRole, restoreSession, safeReturnPath, useAuth } from './composables/auth/use-auth';
import { onSessionEnded } from './composables/auth/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title shown in the browser tab. */
    titleKey?: string;
    /** Only a signed-in person may open the page (anonymous → /signin with a return path). */
    requiresAuth?: boolean;
    /** Only these roles may open the page (implies requiresAuth); others see the forbidden notice. */
    roles?: readonly Role[];
    /** i18n key of the page's entry in the header navigation, shown to those who may open it. */
    navKey?: string;
    /** Set by the guard for one navigation: the signed-in person lacks the route's role. */
    denied?: boolean;
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
      meta: { titleKey: 'offers.title', navKey: 'nav.offers' },
    },
    {
      path: '/offers/:id',
      name: 'offer',
      component: () => import('./pages/OfferPage.vue'),
      meta: { titleKey: 'offerPage.title' },
    },
    {
      path: '/for-you',
      name: 'for-you',
      component: () => import('./pages/RecommendationsPage.vue'),
      meta: { titleKey: 'forYou.title', navKey: 'nav.forYou', roles: ['STUDENT'] },
    },
    {
      path: '/profile',
      name: 'profile',
      component: () => import('./pages/ProfilePage.vue'),
      meta: { titleKey: 'profile.title', navKey: 'nav.profile', roles: ['STUDENT'] },
    },
    {
      path: '/enterprise/offers',
      name: 'enterprise-offers',
      component: () => import('./pages/EnterpriseOffersPage.vue'),
      meta: { titleKey: 'myOffers.title', navKey: 'nav.myOffers', roles: ['ENTERPRISE'] },
    },
    {
      path: '/enterprise/offers/new',
      name: 'offer-new',
      component: () => import('./pages/OfferFormPage.vue'),
      meta: { titleKey: 'offerForm.newTitle', roles: ['ENTERPRISE'] },
    },
    {
      path: '/enterprise/offers/:id/edit',
      name: 'offer-edit',
      component: () => import('./pages/OfferFormPage.vue'),
      meta: { titleKey: 'offerForm.editTitle', roles: ['ENTERPRISE'] },
    },
    {
      path: '/enterprise/offers/:id/applicants',
      name: 'offer-board',
      component: () => import('./pages/OfferBoardPage.vue'),
      meta: { titleKey: 'board.pageTitle', roles: ['ENTERPRISE', 'SYSTEM_ADMIN'] },
    },
    {
      path: '/enterprise/profile',
      name: 'enterprise-profile',
      component: () => import('./pages/EnterpriseProfilePage.vue'),
      meta: { titleKey: 'enterpriseProfile.title', navKey: 'nav.enterpriseProfile', roles: ['ENTERPRISE'] },
    },
    {
      path: '/admin/enterprises',
      name: 'admin-enterprises',
      component: () => import('./pages/AdminEnterprisesPage.vue'),
      meta: { titleKey: 'verification.title', navKey: 'nav.verification', roles: ['SYSTEM_ADMIN'] },
    },
    {
      path: '/applications',
      name: 'applications',
      component: () => import('./pages/ApplicationsPage.vue'),
      meta: {
        titleKey: 'applications.title',
        navKey: 'nav.applications',
        roles: ['STUDENT', 'ENTERPRISE', 'UNIVERSITY_ADMIN', 'SYSTEM_ADMIN'],
      },
    },
    {
      path: '/applications/:id',
      name: 'application',
      component: () => import('./pages/ApplicationPage.vue'),
      meta: {
        titleKey: 'applications.pageTitle',
        roles: ['STUDENT', 'ENTERPRISE', 'UNIVERSITY_ADMIN', 'SYSTEM_ADMIN'],
      },
    },
    {
      path: '/university/students',
      name: 'university-students',
      component: () => import('./pages/UniversityStudentsPage.vue'),
      meta: { titleKey: 'students.title', navKey: 'nav.students', roles: ['UNIVERSITY_ADMIN', 'SYSTEM_ADMIN'] },
    },
    {
      path: '/admin/users',
      name: 'admin-users',
      component: () => import('./pages/AdminUsersPage.vue'),
      meta: { titleKey: 'users.title', navKey: 'nav.users', roles: ['SYSTEM_ADMIN'] },
    },
    {
      path: '/account',
      name: 'account',
      component: () => import('./pages/AccountPage.vue'),
      meta: { titleKey: 'account.title', requiresAuth: true },
    },
    {
      path: '/account/security',
      name: 'account-security',
      component: () => import('./pages/SecurityPage.vue'),
      meta: { titleKey: 'security.title', requiresAuth: true },
    },
    {
      path: '/signin',
      name: 'signin',
      component: () => import('./pages/SignInPage.vue'),
      meta: { titleKey: 'signIn.title' },
    },
    {
      path: '/auth/callback',
      name: 'auth-callback',
      component: () => import('./pages/AuthCallbackPage.vue'),
      meta: { titleKey: 'callback.title' },
    },
    {
      path: '/register',
      name: 'register',
      component: () => import('./pages/RegisterPage.vue'),
      meta: { titleKey: 'register.title' },
    },
    {
      path: '/verify-email',
      name: 'verify-email',
      component: () => import('./pages/VerifyEmailPage.vue'),
      meta: { titleKey: 'verifyEmail.title' },
    },
    {
      path: '/forgot-password',
      name: 'forgot-password',
      component: () => import('./pages/ForgotPasswordPage.vue'),
      meta: { titleKey: 'forgotPassword.title' },
    },
    {
      path: '/reset-password',
      name: 'reset-password',
      component: () => import('./pages/ResetPasswordPage.vue'),
      meta: { titleKey: 'resetPassword.title' },
    },
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('./pages/NotFoundPage.vue'),
      meta: { titleKey: 'notFound.title' },
    },
  ],
});

function needsSession(route: RouteLocationNormalized): boolean {
  return route.meta.requiresAuth === true || route.meta.roles !== undefined;
}

/**
 * Access by route: anonymous visitors of a protected page go to /signin with a return path; a signed-in person
 * without the page's role stays on its URL and sees the forbidden notice instead of the page (App.vue), so the
 * page's component never runs and fetches nothing. The API checks again on every request.
 */
router.beforeEach(async (to) => {
  const { user } = useAuth();
  if (needsSession(to) || to.name === 'signin') await restoreSession();
  if (to.name === 'signin' && user.value) return safeReturnPath(to.query.redirect) ?? '/account';
  if (!needsSession(to)) return true;
  if (!user.value) return { path: '/signin', query: { redirect: to.fullPath } };
  to.meta.denied = to.meta.roles !== undefined && !hasAnyRole(user.value, to.meta.roles);
  return true;
});

// A session that ends on its own (refresh refused) while a protected page is open: ask to sign in again.
onSessionEnded((reason) => {
  const current = router.currentRoute.value;
  if (reason === 'expired' && needsSession(current)) {
    void router.replace({ path: '/signin', query: { redirect: current.fullPath, error: 'session_expired' } });
  }
});
