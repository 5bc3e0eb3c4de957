import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { graphqlClient } from './graphql/client';
import { i18n } from './i18n';
import { router } from './router';
import './styles.css';

createApp(App).use(i18n).use(router).use(urql, graphqlClient).mount('#app');
