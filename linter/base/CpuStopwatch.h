// CpuStopwatch: this thread's CPU time since a start, for budgets, read without a system call
// while the budget cannot have been spent.
#pragma once

#include <chrono>

namespace galley::base {

// A std::chrono clock of the calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID): a busy machine
// slows a file's wall-clock time but not its CPU time, so a budget in CPU time gives the same
// diagnostics on every run.
// NOLINTBEGIN(readability-identifier-naming): the names the standard's Clock requirements fix
struct ThreadCpuClock {
  using duration = std::chrono::nanoseconds;
  using rep = duration::rep;
  using period = duration::period;
  using time_point = std::chrono::time_point<ThreadCpuClock, duration>;
  static constexpr bool is_steady = true;
  static time_point now() noexcept;
};
// NOLINTEND(readability-identifier-naming)

// Reading the thread's CPU clock is a system call (no vDSO path; about 0.3 us, and it was 8% of an
// editor's re-lint when read before every check), while the steady clock is not. A thread's CPU
// time never runs ahead of the wall clock, so while the steady clock says less than the budget
// has passed, the budget is not spent, and the CPU clock is read only after that. The answers are
// those of the CPU clock alone: a busy machine changes when the CPU clock is read, not the result.
class CpuStopwatch {
 public:
  using Duration = std::chrono::nanoseconds;

  CpuStopwatch() noexcept;

  // True when this thread has used more than `budget` of CPU time since construction.
  [[nodiscard]] bool exceeded(Duration budget) const noexcept;

  // CPU time used since construction when it may exceed `bound`; otherwise some value at most
  // `bound` (the wall time, without reading the CPU clock). So min(bound, elapsedUpTo(bound)) and
  // elapsedUpTo(bound) > bound are exact.
  [[nodiscard]] Duration elapsedUpTo(Duration bound) const noexcept;

 private:
  std::chrono::steady_clock::time_point wallStart_;
  ThreadCpuClock::time_point cpuStart_;
};

}  // namespace galley::base
