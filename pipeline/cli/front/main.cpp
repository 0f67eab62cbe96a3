// gongwen, the program a user starts: it answers `gongwen`, `gongwen --help`, `-h` and `help` itself
// and hands every other command line to the full program, gongwen-core, in the same directory, by
// exec (same process, same arguments, environment, streams and exit code).
//
// Why: before main() the full program's dynamic loader maps and binds its shared libraries (OpenSSL,
// libstdc++ and theirs): most of a cold `gongwen --help`. The usage text is the full program's own,
// captured when it is built (cmake/EmbedUsage.cmake), so the two cannot disagree.
//
// Why freestanding (no C library, its own entry point and three system calls): a C library's
// start-up, static or dynamic, first detects the processor's features and caches with CPUID, which
// traps to the hypervisor in a virtual machine — about 0.25 ms, and gongwen-core's loader does it
// again after the exec. Linux on x86-64 and AArch64.

#include "GongwenUsage.inc"  // kUsage: `gongwen-core --help`

namespace {

constexpr int kUsageExit = 2;             // gongwen::ExitCode::Usage
constexpr int kSystemExit = 6;            // gongwen::ExitCode::System
constexpr long kCurrentDirectory = -100;  // AT_FDCWD
constexpr int kPathMax = 4096;            // PATH_MAX

#if defined(__x86_64__)
enum Call : long { kWrite = 1, kExecve = 59, kExitGroup = 231, kReadlinkat = 267 };

long systemCall(Call call, long a = 0, long b = 0, long c = 0, long d = 0) {
  register long r10 __asm__("r10") = d;
  long result;
  __asm__ volatile("syscall"
                   : "=a"(result)
                   : "a"(static_cast<long>(call)), "D"(a), "S"(b), "d"(c), "r"(r10)
                   : "rcx", "r11", "memory");
  return result;
}
#elif defined(__aarch64__)
enum Call : long { kWrite = 64, kExecve = 221, kExitGroup = 94, kReadlinkat = 78 };

long systemCall(Call call, long a = 0, long b = 0, long c = 0, long d = 0) {
  register long x8 __asm__("x8") = call;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  register long x3 __asm__("x3") = d;
  __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3) : "memory");
  return x0;
}
#else
#error "the gongwen front is written for Linux on x86-64 and AArch64"
#endif

[[noreturn]] void exitWith(int status) {
  for (;;) systemCall(kExitGroup, status);
}

long length(const char* text) {
  long n = 0;
  while (text[n] != '\0') ++n;
  return n;
}

bool same(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) ++a, ++b;
  return *a == *b;
}

void writeAll(int fd, const char* text, long size) {
  while (size > 0) {
    const long n = systemCall(kWrite, fd, reinterpret_cast<long>(text), size);
    if (n == -4) continue;  // EINTR
    if (n <= 0) return;
    text += n;
    size -= n;
  }
}

void writeAll(int fd, const char* text) { writeAll(fd, text, length(text)); }

// Appends `text` to the buffer at `end`, keeping room for the terminating NUL; false when it is full.
bool append(char*& end, const char* limit, const char* text) {
  while (*text != '\0') {
    if (end + 1 >= limit) return false;
    *end++ = *text++;
  }
  *end = '\0';
  return true;
}

const char* reasonFor(long error) {
  switch (error) {
    case 2:
      return "no such file";
    case 8:
      return "not an executable this system can run";
    case 13:
      return "permission denied";
    case 40:
      return "too many levels of symbolic links";
    default:
      return "the system refused to run it";
  }
}

[[noreturn]] void cannotRun(const char* core, long error) {
  writeAll(2, "gongwen: error[system.exec]: cannot run ");
  writeAll(2, core);
  writeAll(2, ": ");
  writeAll(2, reasonFor(error));
  writeAll(2, "; it is built and installed beside gongwen\n");
  exitWith(kSystemExit);
}

// gongwen-core beside this program's own file (symbolic links to the front resolved); without
// /proc, each directory of PATH in turn, as execvp would.
[[noreturn]] void runCore(char** argv, char** environment) {
  static char path[kPathMax];
  const long n = systemCall(kReadlinkat, kCurrentDirectory, reinterpret_cast<long>("/proc/self/exe"),
                            reinterpret_cast<long>(path), kPathMax - 1);
  if (n > 0) {
    char* end = path + n;
    while (end > path && end[-1] != '/') --end;
    *end = '\0';
    if (!append(end, path + kPathMax, "gongwen-core")) cannotRun(path, 36);
    cannotRun(path, -systemCall(kExecve, reinterpret_cast<long>(path), reinterpret_cast<long>(argv),
                                reinterpret_cast<long>(environment)));
  }
  const char* directories = "/usr/local/bin:/usr/bin:/bin";
  for (char** variable = environment; *variable != nullptr; ++variable) {
    const char* v = *variable;
    if (v[0] == 'P' && v[1] == 'A' && v[2] == 'T' && v[3] == 'H' && v[4] == '=') directories = v + 5;
  }
  long error = 2;
  while (*directories != '\0') {
    char* end = path;
    while (*directories != '\0' && *directories != ':' && end + 1 < path + kPathMax) *end++ = *directories++;
    if (*directories == ':') ++directories;
    *end = '\0';
    if (end != path && !append(end, path + kPathMax, "/")) continue;
    if (!append(end, path + kPathMax, "gongwen-core")) continue;
    const long failed = -systemCall(kExecve, reinterpret_cast<long>(path), reinterpret_cast<long>(argv),
                                    reinterpret_cast<long>(environment));
    if (failed != 2) error = failed;  // as execvp: a file found but refused says why
  }
  cannotRun("gongwen-core", error);
}

}  // namespace

// Called by _start with the initial stack: argc, argv[0..argc-1], NULL, the environment, NULL.
extern "C" [[noreturn]] void gongwenFront(long* stack) {
  const long argc = stack[0];
  char** argv = reinterpret_cast<char**>(stack + 1);
  char** environment = argv + argc + 1;
  if (argc < 2) {
    writeAll(2, kUsage, sizeof kUsage - 1);
    exitWith(kUsageExit);
  }
  const char* first = argv[1];
  if (same(first, "--help") || same(first, "-h") || same(first, "help")) {
    writeAll(1, kUsage, sizeof kUsage - 1);
    exitWith(0);
  }
  runCore(argv, environment);
}

#if defined(__x86_64__)
__asm__(
    ".text\n.global _start\n.type _start, @function\n_start:\n"
    "  xor %ebp, %ebp\n  mov %rsp, %rdi\n  and $-16, %rsp\n  call gongwenFront\n  hlt\n");
#elif defined(__aarch64__)
__asm__(
    ".text\n.global _start\n.type _start, %function\n_start:\n"
    "  mov x29, #0\n  mov x30, #0\n  mov x0, sp\n  bl gongwenFront\n");
#endif
