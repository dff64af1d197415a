/**
 * Data-protection and web vocabulary missing from the Hunspell English dictionaries, accepted by `spelling`.
 * Lower case; written by the project.
 */
export const policyWords: ReadonlySet<string> = new Set([
  'pseudonymise', 'pseudonymised', 'pseudonymisation', 'pseudonymize', 'pseudonymized', 'pseudonymization',
  'pseudonymous', 'anonymisation', 'anonymization',
  'subprocessor', 'subprocessors', 'sub', 'processors',
  'cookieless', 'geolocation', 'geolocate', 'geolocated', 'opt', 'unsubscribe', 'unsubscribed',
  'analytics', 'adtech', 'retargeting', 'remarketing', 'fingerprinting', 'pageview', 'pageviews',
  'plugin', 'plugins', 'timestamp', 'timestamps', 'webpage', 'webpages', 'app', 'apps', 'url', 'urls',
  'online', 'offline', 'login', 'logins', 'signup', 'signups', 'username', 'usernames', 'passcode', 'passkey', 'passkeys',
  'localstorage', 'sessionstorage', 'cookie', 'cookies', 'frontend', 'backend', 'dataset', 'datasets',
  'whitelist', 'blacklist', 'allowlist', 'blocklist', 'lifecycle', 'embeddable', 'metadata', 'hashed', 'hashing',
  'anonymise', 'anonymised', 'anonymising', 'anonymize', 'anonymized', 'anonymizing', 'deanonymise', 'deanonymize',
  'enforceability', 'unenforceability', 'severable', 'severability', 'merchantability', 'licensor', 'licensors',
  'sublicense', 'sublicenses', 'sublicensing', 'sublicensable', 'tortious', 'indemnitee', 'indemnitees', 'decompile',
  'onboarding', 'subpage', 'subpages', 'checkbox', 'checkboxes', 'biometric', 'biometrics', 'voiceprint', 'voiceprints',
  'cyberattack', 'cyberattacks', 'cybercriminal', 'cybercriminals', 'cybersecurity', 'decrypt', 'decrypted', 'encrypt',
  'balancer', 'balancers', 'chatbot', 'chatbots', 'livestream', 'livestreamed', 'livestreaming', 'screenshot', 'screenshots',
  'pre', 'non', 'co', 'multi', 'anti', 'semi', 'inter', 'intra', 'post', 'self', 'cross',
  'api', 'apis', 'gif', 'gifs', 'geo', 'autofill', 'roadmap', 'roadmaps', 'inflight', 'clickstream', 'clickstreams',
  'cyber', 'cyberbullying', 'youtube', 'reddit', 'gmail', 'lookup', 'lookups', 'datacenter', 'datacenters', 'retarget',
  'retargeted', 'deprovision', 'deprovisioned', 'reidentification', 'reidentify', 'spammy', 'licensable', 'sponsorships',
  'anonymises', 'anonymizes', 'flipbook', 'flipbooks', 'illiquidity',
  'repo', 'repos', 'linter', 'linters', 'changelog', 'changelogs',
  // Abbreviations of technical prose: accepted, so that no suggestion replaces them (`auth` is not `auto`).
  'auth', 'config', 'configs', 'admin', 'admins', 'dev', 'devs', 'env', 'envs', 'async', 'info', 'stats', 'sms', 'wifi',
  'iframe', 'iframes', 'signin', 'recaptcha', 'bluetooth', 'ecommerce', 'fintech', 'crypto', 'stablecoin', 'stablecoins',
  'passwordless', 'webchat', 'webchats', 'trojan', 'trojans', 'uncategorized', 'uncategorised',
  'optout', 'optouts', 'optin', 'optins', 'eg', 'ie', 'natively', 'untrusted', 'impactful', 'programmatically', 'sandboxed',
  'sandboxing', 'proxied', 'prepended', 'unicode', 'gzip', 'gzipped', 'uuid', 'uuids', 'dns', 'unix', 'posix', 'dir', 'dirs',
  'util', 'utils', 'deps', 'arg', 'args', 'param', 'params', 'matcher', 'matchers', 'formatter', 'formatters', 'multibyte',
  'stdout', 'stderr', 'truthy', 'falsy', 'falsey', 'backpressure', 'subclassing', 'inlining', 'inlined',
  // Web services policies name in lower case as often as not.
  'mailchimp', 'hubspot', 'cloudflare', 'hotjar', 'matomo', 'zendesk', 'typeform', 'vimeo', 'wordpress', 'squarespace',
  'shopify', 'paypal', 'klarna', 'sendgrid', 'mixpanel', 'optimizely', 'linkedin', 'pinterest', 'tiktok', 'whatsapp',
  'github', 'gitlab', 'bitbucket', 'vercel', 'netlify', 'jira', 'trello', 'marketo', 'pardot', 'disqus', 'hcaptcha',
  'cookiebot', 'onetrust', 'iubenda', 'usercentrics', 'quantcast', 'doubleclick', 'adsense', 'adwords', 'bing', 'yandex',
  'criteo', 'taboola', 'outbrain', 'eventbrite', 'webex', 'onedrive', 'sharepoint', 'airtable', 'figma', 'canva', 'okta',
  'supabase', 'datadog', 'posthog', 'cloudinary', 'fastly', 'akamai', 'typekit', 'gravatar', 'instagram', 'facebook',
  'geofencing', 'geotargeting', 'microsite', 'microsites', 'whitelabel', 'omnichannel', 'unsubscription', 'deidentified',
  'deidentify', 'datacentre', 'datacentres', 'failover', 'uptime', 'webhook', 'webhooks', 'chargeback', 'chargebacks',
  'autoplay', 'autoplaying', 'preload', 'microdata', 'clickthrough', 'clickthroughs', 'deeplink', 'deeplinks', 'logfile',
  'logfiles', 'useragent', 'blocklisted', 'allowlisted', 'livechat', 'helpdesk', 'chatroom', 'chatrooms', 'webshop', 'eshop',
  'vlog', 'vlogs', 'influencer', 'influencers', 'adblocker', 'adblockers', 'wearable', 'wearables', 'geodata', 'keylogger',
  'keyloggers',
  // Legal and business prose.
  'waivable', 'novation', 'novations', 'counterparty', 'counterparties', 'payor', 'payors', 'noninfringement',
  'lienholder', 'lienholders', 'timeframe', 'timeframes', 'autorenewal', 'whistleblower', 'whistleblowers',
  'whistleblowing', 'ombudsperson', 'sublicensee', 'sublicensees', 'sublicensor', 'sublicensors', 'arbitrability', 'indemnitor', 'indemnitors',
  'dispositive', 'unmatured', 'syndicator', 'syndicators', 'identifiability', 'takedown', 'takedowns', 'databank',
  'databanks', 'verifier', 'verifiers', 'transferrable', 'preprinted', 'metagame', 'metagames',
  'personalised', 'personalized', 'personalisation', 'personalization', 'de', 'identified', 'ccpa', 'cpra', 'gdpr'
])

/**
 * Latin and French phrases of legal English, lower case, whose words the dictionaries lack. A word is accepted
 * only inside its phrase: `se` alone is a slip, `per se` is not.
 */
export const latinPhrases: readonly string[] = [
  'forum non conveniens', 'inter alia', 'pro rata', 'ultra vires', 'de minimis', 'force majeure', 'per se', 'bona fide',
  'bona fides', 'mala fide', 'prima facie', 'sui generis', 'mutatis mutandis', 'res judicata', 'ex parte', 'inter partes',
  'ab initio', 'ipso facto', 'pari passu', 'et al', 'et cetera', 'in personam', 'in rem', 'amicus curiae', 'nunc pro tunc',
  'quantum meruit', 'jus cogens', 'locus standi', 'ex gratia', 'ex officio', 'pacta sunt servanda', 'stare decisis',
  'obiter dicta', 'obiter dictum', 'pendente lite', 'habeas corpus', 'inter vivos', 'mortis causa', 'contra proferentem',
  'caveat emptor', 'nolo contendere', 'de facto', 'de jure', 'ad hoc', 'in situ', 'pro bono', 'pro forma'
]
