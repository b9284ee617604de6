// SPDX-License-Identifier: MIT
#include "test_support.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
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

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string source_path(const std::string& relative) {
    return std::string(BUSYWORK_SOURCE_DIR) + "/" + relative;
}

RunResult run_busywork(const std::vector<std::string>& arguments, const std::string& stdin_file) {
    auto dir = std::filesystem::temp_directory_path();
    std::string stem = "busywork-test-" + std::to_string(::getpid()) + "-" +
                       std::to_string(std::rand());
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
