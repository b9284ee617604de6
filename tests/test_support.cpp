// SPDX-License-Identifier: MIT
#include "test_support.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace busywork::testing {
namespace {

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

} // namespace

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

long long parse_instant(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, oh = 0, om = 0;
    char sign = 0;
    int fields = std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d%c%d:%d", &y, &mo, &d, &h, &mi, &s,
                             &sign, &oh, &om);
    bool utc = fields == 7 && sign == 'Z';
    if (!utc && (fields != 9 || (sign != '+' && sign != '-')))
        throw std::runtime_error("not an RFC 3339 time with offset: " + text);
    date::sys_days day = date::year{y} / mo / d;
    long long offset = (oh * 3600LL + om * 60) * (sign == '-' ? -1 : 1);
    return day.time_since_epoch().count() * 86400LL + h * 3600LL + mi * 60 + s - offset;
}

date::sys_days parse_day(const std::string& iso_date) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(iso_date.c_str(), "%d-%d-%d", &y, &m, &d) != 3)
        throw std::runtime_error("not a date: " + iso_date);
    return date::year{y} / m / d;
}

std::string source_path(const std::string& relative) {
    return std::string(BUSYWORK_SOURCE_DIR) + "/" + relative;
}

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    m_path = std::filesystem::temp_directory_path() /
             ("busywork-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

std::string TempDir::write(const std::string& relative, const std::string& text) const {
    std::filesystem::path file = m_path / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << text;
    return file.string();
}

ScopedEnv::ScopedEnv(std::string name, const std::optional<std::string>& value)
    : m_name(std::move(name)) {
    if (const char* old = std::getenv(m_name.c_str()))
        m_old = old;
    if (value)
        ::setenv(m_name.c_str(), value->c_str(), 1);
    else
        ::unsetenv(m_name.c_str());
}

ScopedEnv::~ScopedEnv() {
    if (m_old)
        ::setenv(m_name.c_str(), m_old->c_str(), 1);
    else
        ::unsetenv(m_name.c_str());
}

RunResult run_busywork(const std::vector<std::string>& arguments, const std::string& stdin_file) {
    auto dir = std::filesystem::temp_directory_path();
    std::string stem =
        "busywork-test-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand());
    std::string out_path = (dir / (stem + ".out")).string();
    std::string err_path = (dir / (stem + ".err")).string();
    std::string command = shell_quote(BUSYWORK_BINARY);
    for (const auto& a : arguments)
        command += " " + shell_quote(a);
    command += " <" + shell_quote(stdin_file.empty() ? "/dev/null" : stdin_file);
    command += " >" + shell_quote(out_path) + " 2>" + shell_quote(err_path);
    int status = std::system(command.c_str());
    RunResult result;
    // The shell reports a signal-killed child as 128+N.
    if (WIFEXITED(status) && WEXITSTATUS(status) < 128)
        result.exit_code = WEXITSTATUS(status);
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    std::filesystem::remove(out_path);
    std::filesystem::remove(err_path);
    return result;
}

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, field_started = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"' && field.empty()) {
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            record.push_back(field);
            field.clear();
            field_started = true;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            record.push_back(field);
            records.push_back(record);
            record.clear();
            field.clear();
            field_started = false;
        } else {
            field += c;
            field_started = true;
        }
    }
    if (quoted)
        throw std::runtime_error("CSV ends inside a quoted field");
    if (field_started || !field.empty()) {
        record.push_back(field);
        records.push_back(record);
    }
    return records;
}

std::vector<std::map<std::string, std::string>> csv_rows(const std::string& text) {
    auto records = parse_csv(text);
    std::vector<std::map<std::string, std::string>> rows;
    if (records.empty())
        return rows;
    const auto& header = records.front();
    for (std::size_t r = 1; r < records.size(); ++r) {
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < header.size() && c < records[r].size(); ++c)
            row[header[c]] = records[r][c];
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace busywork::testing
