/** What a session examines, as the user picked it: an app in Azure, a built-in demo scenario, or nothing (offline). */
export type TargetChoice =
  | { readonly mode: 'offline' }
  | { readonly mode: 'demo'; readonly scenario: string }
  | { readonly mode: 'arm'; readonly appId: string };
