// The project's own configuration: the recommended preset, as a user's `.remarkrc.js` would use it.
// remark-cli, remark-language-server and `policylint` all read this file.
import policylint from 'policylint'

export default {
  plugins: [policylint],
  settings: {
    policylint: {
      // The example documents describe a fictional shop on this domain.
      siteDomains: ['northwind-books.example']
    }
  }
}
