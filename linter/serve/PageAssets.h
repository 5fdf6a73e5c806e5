// PageAssets: the review page's HTML, style sheet and script, compiled into the binary.
#pragma once

#include <string_view>

namespace galley::serve {

// linter/serve/page/index.html; its "{{GALLEY_TOKEN}}" is replaced by the run's token when served.
std::string_view pageHtml();
// linter/serve/page/page.css.
std::string_view pageStyle();
// linter/serve/page/page.js.
std::string_view pageScript();

}  // namespace galley::serve
