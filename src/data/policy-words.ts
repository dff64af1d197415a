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
  // Legal and business prose.
  'dispositive', 'unmatured', 'syndicator', 'syndicators', 'identifiability', 'takedown', 'takedowns', 'databank',
  'databanks', 'verifier', 'verifiers', 'transferrable', 'preprinted', 'metagame', 'metagames',
  'personalised', 'personalized', 'personalisation', 'personalization', 'de', 'identified', 'ccpa', 'cpra', 'gdpr'
])
