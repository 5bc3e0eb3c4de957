import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { restoreSession } from './composables/auth/use-auth';
import { graphqlClient } from './graphql/client';
import { i18n } from './i18n';
import { router } from './router';
import './styles.css';

// A session kept by this tab (refresh token in sessionStorage) is restored in the background: public pages
// render at once, protected routes wait for it in the router guard.
void restoreSession();

createApp(App).use(i18n).use(router).use(urql, graphqlClient).mount('#app');
