export { startGateway, type GatewayOptions, type RunningGateway } from './gateway-server.js';
export { loadGatewaySettings, subgraphUrlOverrides, type GatewaySettings } from './config.js';
