// Writing a points CSV that read_points_csv (data/points_csv.hpp) reads back to the same header
// and rows: ',' separators, every header name quoted (RFC 4180: a quote doubled), numbers in
// their shortest round-trip form (format_double), '\n' line ends. The fuzz oracle of issue 14
// (parse -> write -> parse) and any tool that saves points use it.
#pragma once

#include <string>

#include "core/data/points_csv.hpp"

namespace lrlab
{

std::string write_points_csv(const PointsCsv& csv);

}  // namespace lrlab
