// RFC 4180 fields: the one quoting rule of every CSV lrlab writes (`run`, `surface`, the page's
// export), so that a run name with a comma or a quote reads back as itself.
#pragma once

#include <string>

namespace lrlab
{

// s unchanged, or quoted when it holds a comma, a quote or a line break (quotes doubled).
std::string csv_field(const std::string& s);

}  // namespace lrlab
