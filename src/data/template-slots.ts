/** The words of template slots, as `no-placeholders` reads them: `[Company Name]`, `[insert details]`, `WEBSITE NAME`. */

/** Words that name what a template slot stands for. */
const slotWords =
  'name|names|address|company|date|e-?mail|website|site|url|domain|phone|telephone|number|country|state|city|details|jurisdiction|organi[sz]ation|business|entity|owner|product|service|app|application|contact|county|region|postcode|zip'
export const slotWord = new RegExp(`^(?:${slotWords})$`, 'i')
/** Some slot word written in capitals (`NAME`, `E-MAIL`), anywhere: a quick test before any word is read. */
export const slotWordInCapitals = new RegExp(slotWords.toUpperCase())
/** A bracketed slot that asks the writer to do something. */
export const instruction = /^(?:insert|enter|add|fill in|replace|your|the company's|company)\b/i

/** Words a slot written in capitals does not open with (`OR OWNER`, `WITH SUCH SERVICE PROVIDERS`). */
export const functionWord =
  /^(?:a|an|the|and|or|of|to|by|with|for|from|in|on|at|as|is|are|be|if|any|all|such|this|that|these|our|your|their|its|we|you|it|no|not|please|how|what|who|why|when|where)$/i
