// Writing a points CSV (data/points_csv_write.hpp).
#include "core/data/points_csv_write.hpp"

#include "core/config/json.hpp"

namespace lrlab
{

namespace
{

// Always quoted: a name may hold ',', ';', quotes, line ends or outer blanks (which the reader
// trims, so a name read back keeps none) and the header must never read as numbers only.
std::string quoted_name(const std::string& name)
{
    std::string out = "\"";
    for (char ch : name)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

}  // namespace

std::string write_points_csv(const PointsCsv& csv)
{
    std::string out;
    for (std::size_t k = 0; k < csv.header.size(); ++k)
        out += (k ? "," : "") + quoted_name(csv.header[k]);
    out += '\n';
    for (const std::vector<double>& row : csv.rows)
    {
        for (std::size_t k = 0; k < row.size(); ++k)
            out += (k ? "," : "") + format_double(row[k]);
        out += '\n';
    }
    return out;
}

}  // namespace lrlab
