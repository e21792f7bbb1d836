/**
 * Numbers the flows and checks rely on, defined once with where they come from.
 * Seed = ../shared/seed/gateway-required-vnet-integration.txt; FACTS = ../shared/seed/FACTS.md.
 */

/** Gateway-required integration is retired on this day (FACTS: configure-gateway-required-vnet-integration.md). */
export const RETIREMENT_DATE = '2027-03-31';
/**
 * VPN Gateway's own SSTP retirement: from this day SSTP can no longer be enabled on a gateway...
 * learn.microsoft.com/azure/vpn-gateway/ikev2-openvpn-from-sstp ("SSTP retirement")
 */
export const SSTP_ENABLE_END_DATE = '2026-03-31';
/** ...and from this day existing SSTP-enabled gateways no longer establish SSTP connections (same page). */
export const SSTP_RETIREMENT_DATE = '2027-03-31';
/** VNets one App Service plan may integrate with (seed: "up to five virtual networks"). */
export const MAX_VNETS_PER_PLAN = 5;
/** TCP connect timeout seen when packets are dropped (seed: "The TCP timeout is 21 seconds"). */
export const TCP_TIMEOUT_SECONDS = 21;
/** DNS timeout per configured server (seed: "3 seconds per DNS server"). */
export const DNS_TIMEOUT_SECONDS_PER_SERVER = 3;
/** Concurrent SSTP connections on any gateway SKU (FACTS: ikev2-openvpn-from-sstp.md). */
export const SSTP_MAX_CONNECTIONS = 128;
/** Lifetime of the integration certificate (FACTS). */
export const CERTIFICATE_LIFETIME_YEARS = 8;
/** The portal warns when less than this is left on the certificate (FACTS: six months). */
export const CERTIFICATE_WARNING_DAYS = 182;
/** Gateway creation time (seed: "can take 30 minutes"). */
export const GATEWAY_CREATION_MINUTES = 30;
/** Smallest and recommended subnet for regional integration (FACTS: /28 minimum, /26 safe). */
export const REGIONAL_SUBNET_MIN_PREFIX = 28;
export const REGIONAL_SUBNET_RECOMMENDED_PREFIX = 26;
/**
 * Regional integrations one Windows plan may have (two virtual interfaces per worker; each app uses one).
 * learn.microsoft.com/azure/app-service/overview-vnet-integration
 */
export const REGIONAL_INTEGRATIONS_PER_WINDOWS_PLAN = 2;
/**
 * Several plans (even across subscriptions) may share one integration subnet of this size or larger
 * (multi-plan subnet join). learn.microsoft.com/azure/app-service/migrate-gateway-based-vnet-integration
 */
export const MULTI_PLAN_SUBNET_MIN_PREFIX = 26;
/**
 * Largest ARM answer read, in bytes (ours, not Azure's: ARM pages lists at 1,000 items or so, a few
 * MB at most; 20 MB leaves room for big subscriptions while a hostile answer cannot fill memory).
 */
export const MAX_ARM_RESPONSE_BYTES = 20 * 1024 * 1024;
/**
 * A scan's bounds (ours): each subscription's reads end this long after the scan starts, and at
 * once when this many reads in a row time out with none answered (a hanging subscription would
 * otherwise cost plans / 16 x the per-call timeout). What was not read by then is counted as not
 * read and the subscription is reported as cut short.
 */
export const SCAN_SUBSCRIPTION_BOUND_MS = 10 * 60_000;
export const SCAN_HUNG_READS = 8;
/**
 * The longest a scan waits for Resource Graph's quota to reset (ours). Resource Graph allows 15
 * queries per 5 s per user by default and says when the quota resets
 * (learn.microsoft.com/azure/governance/resource-graph/concepts/guidance-for-throttled-requests);
 * a longer reset makes the scan list through ARM instead.
 */
export const RESOURCE_GRAPH_MAX_WAIT_MS = 30_000;
/**
 * ARM's read throttling per subscription: a token bucket of 250 reads refilled at 25 a second,
 * reported on each answer as x-ms-ratelimit-remaining-subscription-reads
 * (learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling).
 */
export const ARM_SUBSCRIPTION_READ_BUCKET = 250;
export const ARM_SUBSCRIPTION_READS_PER_SECOND = 25;
/**
 * API version of the App Service (Microsoft.Web) REST calls the runbooks make with `az rest`
 * (the disconnect of a gateway-required connection has no az command of its own).
 * learn.microsoft.com/rest/api/appservice/web-apps/delete-vnet-connection
 */
export const WEB_API_VERSION = '2024-04-01';
/**
 * A switch from gateway-required to regional integration takes the app off the VNet for typically
 * 2 to 5 minutes, sometimes longer. learn.microsoft.com/azure/app-service/migrate-gateway-based-vnet-integration
 */
export const SWITCH_DOWNTIME_MINUTES_LOW = 2;
export const SWITCH_DOWNTIME_MINUTES_HIGH = 5;
