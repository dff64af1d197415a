// The findings snapshot lints with every rule on, those off in the recommended preset included, so that a change
// to any rule shows on real pages in review.
import policylint from '../../dist/src/preset.js'
import {rules} from '../../dist/rules/index.js'

export default {
  plugins: [policylint, ...rules.filter((rule) => rule.meta.recommended === 'off').map((rule) => [rule, ['warn']])]
}
