# Move contoso-api (production slot) to regional VNet integration
# Written by vnet-doctor 0.1.0 on 2026-06-01 from the demo scenario healthy. The Markdown runbook next to this script explains each step.
# Dry run by default: prints every command. Run with -Apply to make the changes.
# Phases: the move (default), -Rollback (back to gateway-required), -CleanUp (weeks later).
param([switch]$Apply, [switch]$Rollback, [switch]$CleanUp)
if ($Rollback -and $CleanUp) { throw 'Give -Rollback or -CleanUp, not both.' }
$ErrorActionPreference = 'Stop'
function Write-Section([string]$Title) { Write-Host ''; Write-Host "== $Title" }
function Write-Note([string]$Text) { Write-Host $Text }
function Invoke-Step([string]$Display, [scriptblock]$Command) {
  if ($Apply) {
    Write-Host "+ $Display"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "Step failed (exit code $LASTEXITCODE): $Display" }
  } else { Write-Host "would run: $Display" }
}
function Wait-Person([string]$Text) {
  if ($Apply) { Read-Host "YOUR STEP: $Text Press Enter when done (Ctrl-C stops here)" | Out-Null }
  else { Write-Host "would wait for you: $Text" }
}
function Stop-Blank([string]$Blanks, [string]$Display) {
  if ($Apply) { throw "This step still has blanks ($Blanks): fill them in this script first: $Display" }
  else { Write-Host "would run once filled in ($Blanks): $Display" }
}

function Invoke-Migration {

Write-Section 'Before you start'
Write-Note 'This runbook moves contoso-api (production slot) from gateway-required (point-to-site) VNet integration to regional VNet integration, in appservice-integration (10.0.0.0/26) of vnet-hub-westeurope. Gateway-required integration is retired on 31 March 2027, 303 days after these facts were read.'
Write-Note 'The switch is a disconnect followed by a connect: the app has no VNet access for typically 2 to 5 minutes (sometimes longer) and restarts. VNet integration belongs to each slot and does not move with a swap, so move a staging slot first when there is one (see "Slot first").'
Write-Note 'The scripts next to this runbook (bash and PowerShell, the same steps) only print what they would do. Run them with --apply (bash) or -Apply (PowerShell) to make the changes; they stop at every step a person must do and wait for Enter.'

Write-Section 'The subnet the app moves to'
Write-Note 'vnet-hub is in northeurope, not in the app''s region West Europe: regional integration needs a VNet in the app''s region, peered with it (twice the plan''s largest scale needs a /28 or larger).'
# 1. Create vnet-hub-westeurope in the app's region with a private range that overlaps none of the networks the app reaches (the VNet, its peers, on-premises, the point-to-site pool), and the delegated integration subnet.
Write-Note '1. Create vnet-hub-westeurope in the app''s region with a private range that overlaps none of the networks the app reaches (the VNet, its peers, on-premises, the point-to-site pool), and the delegated integration subnet.'
Invoke-Step 'az network vnet create -g rg-contoso-web -n vnet-hub-westeurope --location ''West Europe'' --address-prefixes ''10.0.0.0/24'' --subnet-name appservice-integration --subnet-prefixes ''10.0.0.0/26'' --subscription ''5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b''' { az network vnet create -g rg-contoso-web -n vnet-hub-westeurope --location 'West Europe' --address-prefixes '10.0.0.0/24' --subnet-name appservice-integration --subnet-prefixes '10.0.0.0/26' --subscription '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b' }
# 2. Delegate the new subnet to App Service.
Write-Note '2. Delegate the new subnet to App Service.'
Invoke-Step 'az network vnet subnet update -g rg-contoso-web --vnet-name vnet-hub-westeurope -n appservice-integration --delegations Microsoft.Web/serverFarms --subscription ''5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b''' { az network vnet subnet update -g rg-contoso-web --vnet-name vnet-hub-westeurope -n appservice-integration --delegations Microsoft.Web/serverFarms --subscription '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b' }
# 3. On vnet-hub, peer to the new VNet and offer its gateway (gateway transit), so the app keeps reaching on-premises through it.
Write-Note '3. On vnet-hub, peer to the new VNet and offer its gateway (gateway transit), so the app keeps reaching on-premises through it.'
Invoke-Step 'az network vnet peering create -g rg-contoso-network --vnet-name vnet-hub -n to-vnet-hub-westeurope --remote-vnet ''/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-web/providers/Microsoft.Network/virtualNetworks/vnet-hub-westeurope'' --allow-vnet-access --allow-forwarded-traffic --allow-gateway-transit --subscription ''5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b''' { az network vnet peering create -g rg-contoso-network --vnet-name vnet-hub -n to-vnet-hub-westeurope --remote-vnet '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-web/providers/Microsoft.Network/virtualNetworks/vnet-hub-westeurope' --allow-vnet-access --allow-forwarded-traffic --allow-gateway-transit --subscription '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b' }
# 4. From the new VNet, peer back and use the remote gateway (after the peering above).
Write-Note '4. From the new VNet, peer back and use the remote gateway (after the peering above).'
Invoke-Step 'az network vnet peering create -g rg-contoso-web --vnet-name vnet-hub-westeurope -n to-vnet-hub --remote-vnet ''/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-network/providers/Microsoft.Network/virtualNetworks/vnet-hub'' --allow-vnet-access --allow-forwarded-traffic --use-remote-gateways --subscription ''5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b''' { az network vnet peering create -g rg-contoso-web --vnet-name vnet-hub-westeurope -n to-vnet-hub --remote-vnet '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-network/providers/Microsoft.Network/virtualNetworks/vnet-hub' --allow-vnet-access --allow-forwarded-traffic --use-remote-gateways --subscription '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b' }
# 5. On-premises routes are static: add 10.0.0.0/24 to the on-premises VPN device's routes and encryption domain (traffic selectors) for cn-onprem, so replies find their way back.
Wait-Person '5. On-premises routes are static: add 10.0.0.0/24 to the on-premises VPN device''s routes and encryption domain (traffic selectors) for cn-onprem, so replies find their way back.'

Write-Section 'Slot first'
Write-Note 'contoso-api has no deployment slot: production switches directly, so plan a maintenance window. (A staging slot, Standard tier or higher, lets a copy be moved and tested first.)'

Write-Section 'Source addresses'
Write-Note 'After the switch the app''s traffic into the VNet comes from addresses of 10.0.0.0/26, no longer from 172.16.200.0/24. Everything that lets 172.16.200.0/24 in must let 10.0.0.0/26 in too, before the switch (keep the pool until the clean-up, for a rollback).'
Write-Note 'No NSG rule of vnet-hub''s subnets names 172.16.200.0/24 as its source (read from ARM).'
Write-Note 'Rules that use the VirtualNetwork tag cover the integration subnet as well (it includes peered VNets).'
# 6. On-premises (192.168.0.0/16): add 10.0.0.0/26 wherever firewalls, host firewalls or ACLs allow 172.16.200.0/24.
Wait-Person '6. On-premises (192.168.0.0/16): add 10.0.0.0/26 wherever firewalls, host firewalls or ACLs allow 172.16.200.0/24.'
# 7. PaaS firewalls the app reaches through the VNet (Azure SQL, Storage, Key Vault and the like, and any VM's host firewall): allow 10.0.0.0/26 where 172.16.200.0/24 is allowed, or add a service endpoint or private endpoint reachable from the subnet.
Wait-Person '7. PaaS firewalls the app reaches through the VNet (Azure SQL, Storage, Key Vault and the like, and any VM''s host firewall): allow 10.0.0.0/26 where 172.16.200.0/24 is allowed, or add a service endpoint or private endpoint reachable from the subnet.'

Write-Section 'Route All'
Write-Note 'The connect command (az webapp vnet-integration add) turns Route All on: all outbound traffic then enters the VNet, where the subnet''s NSG and route table apply, and a default route learned from on-premises takes internet traffic there too. Today, gateway-required integration sends only private ranges and plan routes into the tunnel.'
Write-Note 'Decision: turn Route All off right after the connect, so internet traffic leaves as it does today and only private ranges go into the VNet. Keep it on instead if the app must reach everything through the VNet (NAT gateway, firewall): then skip that step.'

Write-Section 'The switch'
Write-Note 'In this order, in a quiet hour: the app has no VNet access from the disconnect until the connect completes (typically 2 to 5 minutes).'
# 8. Start of the window: tell the app's users, and have the rollback section at hand.
Wait-Person '8. Start of the window: tell the app''s users, and have the rollback section at hand.'
# 9. Disconnect the gateway-required connection to vnet-hub (Azure CLI has no command of its own for it; this calls the App Service REST API).
Write-Note '9. Disconnect the gateway-required connection to vnet-hub (Azure CLI has no command of its own for it; this calls the App Service REST API).'
Invoke-Step 'az rest --method delete --url "/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-web/providers/Microsoft.Web/sites/contoso-api/virtualNetworkConnections/vnet-hub?api-version=2024-04-01"' { az rest --method delete --url "/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-web/providers/Microsoft.Web/sites/contoso-api/virtualNetworkConnections/vnet-hub?api-version=2024-04-01" }
# 10. Connect to appservice-integration of vnet-hub-westeurope.
Write-Note '10. Connect to appservice-integration of vnet-hub-westeurope.'
Invoke-Step 'az webapp vnet-integration add -g rg-contoso-web -n contoso-api --vnet ''/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-web/providers/Microsoft.Network/virtualNetworks/vnet-hub-westeurope'' --subnet appservice-integration --subscription ''5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b''' { az webapp vnet-integration add -g rg-contoso-web -n contoso-api --vnet '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-web/providers/Microsoft.Network/virtualNetworks/vnet-hub-westeurope' --subnet appservice-integration --subscription '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b' }
# 11. Route All: turn it off (see "Route All").
Write-Note '11. Route All: turn it off (see "Route All").'
Invoke-Step 'az webapp config set -g rg-contoso-web -n contoso-api --vnet-route-all-enabled false --subscription ''5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b''' { az webapp config set -g rg-contoso-web -n contoso-api --vnet-route-all-enabled false --subscription '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b' }

Write-Section 'Verify'
Write-Note 'Check from inside the app, not from your machine: the app''s own network path is what changed.'
# 12. The app lists the regional integration with the subnet.
Write-Note '12. The app lists the regional integration with the subnet.'
Invoke-Step 'az webapp vnet-integration list -g rg-contoso-web -n contoso-api --subscription ''5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b''' { az webapp vnet-integration list -g rg-contoso-web -n contoso-api --subscription '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b' }
# 13. In the Kudu console (Debug console > CMD), test each host and port the app needs; a reply within a few seconds means the path works.
Wait-Person '13. In the Kudu console (Debug console > CMD), test each host and port the app needs; a reply within a few seconds means the path works. In the Kudu console: tcpping <target host>:<target port>'
# 14. Or let vnet-doctor run the same probes through Kudu: vnet-doctor check --app /subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-web/providers/Microsoft.Web/sites/contoso-api --probe (with an answers file naming target.host and target.port).
Wait-Person '14. Or let vnet-doctor run the same probes through Kudu: vnet-doctor check --app /subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-web/providers/Microsoft.Web/sites/contoso-api --probe (with an answers file naming target.host and target.port).'

Write-Section 'DNS after the move (once the verification passes)'
Write-Note 'After the move the app reaches Azure''s resolver 168.63.129.16 through the VNet, so Azure private DNS zones (private endpoints) resolve through the VNet''s default DNS again: workarounds made for the point-to-site tunnel can go once the app resolves correctly.'
Write-Note 'The VNet uses custom DNS servers (10.10.1.4); the app keeps using them. If they exist only to forward private zones for the app, they can be retired later (other machines in the VNet may still rely on them).'
# 15. If the app overrides its DNS servers (WEBSITE_DNS_SERVER / WEBSITE_DNS_ALT_SERVER, not read without --read-dns-settings) only to reach private zones, remove them after the verification.
Write-Note '15. If the app overrides its DNS servers (WEBSITE_DNS_SERVER / WEBSITE_DNS_ALT_SERVER, not read without --read-dns-settings) only to reach private zones, remove them after the verification.'
Invoke-Step 'az webapp config appsettings delete -g rg-contoso-web -n contoso-api --setting-names WEBSITE_DNS_SERVER WEBSITE_DNS_ALT_SERVER --subscription ''5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b''' { az webapp config appsettings delete -g rg-contoso-web -n contoso-api --setting-names WEBSITE_DNS_SERVER WEBSITE_DNS_ALT_SERVER --subscription '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b' }
}

function Invoke-Rollback {

Write-Section 'Rollback'
Write-Note 'While gw-hub still exists, the app can go back: remove the regional integration, then connect vnet-hub again in the portal (App Service creates a new certificate and puts it on the gateway). Keep the point-to-site pool in the NSG rules and firewalls until the clean-up.'
# 16. Remove the regional integration.
Write-Note '16. Remove the regional integration.'
Invoke-Step 'az webapp vnet-integration remove -g rg-contoso-web -n contoso-api --subscription ''5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b''' { az webapp vnet-integration remove -g rg-contoso-web -n contoso-api --subscription '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b' }
# 17. Reconnect the gateway-required integration to vnet-hub.
Wait-Person '17. Reconnect the gateway-required integration to vnet-hub. In the portal: App > Networking > VNet integration > Add VNet integration > vnet-hub'
}

function Invoke-CleanUp {

Write-Section 'Clean-up'
Write-Note 'When every app and slot on vnet-hub has moved and run well for a while:'
Write-Note 'Keep gw-hub: it also carries a site-to-site connection, the peering of vnet-hub-westeurope (gateway transit). Remove only App Service''s root certificate from its point-to-site configuration once no app uses it.'
# 18. Check who else still connects to gw-hub over point-to-site (other apps, VPN users).
Write-Note '18. Check who else still connects to gw-hub over point-to-site (other apps, VPN users).'
Invoke-Step 'az network vnet-gateway vpn-client show-health -g rg-contoso-network -n gw-hub --subscription ''5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b''' { az network vnet-gateway vpn-client show-health -g rg-contoso-network -n gw-hub --subscription '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b' }
# 19. List the plan's remaining VNet integrations (other apps of the plan).
Write-Note '19. List the plan''s remaining VNet integrations (other apps of the plan).'
Invoke-Step 'az appservice vnet-integration list -g rg-contoso-web --plan asp-contoso --subscription ''5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b''' { az appservice vnet-integration list -g rg-contoso-web --plan asp-contoso --subscription '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b' }
# 20. Remove App Service's root certificate from the gateway (its name is in the gateway's point-to-site configuration).
Write-Note '20. Remove App Service''s root certificate from the gateway (its name is in the gateway''s point-to-site configuration).'
Stop-Blank 'name of App Service''s root certificate on the gateway' 'az network vnet-gateway root-cert delete -g rg-contoso-network --gateway-name gw-hub -n <name of App Service''s root certificate on the gateway> --subscription 5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b'
}

if ($Rollback) { Invoke-Rollback } elseif ($CleanUp) { Invoke-CleanUp } else { Invoke-Migration }

if ($Apply) { Write-Host 'Done.' } else { Write-Host 'Done (dry run: nothing was changed).' }
