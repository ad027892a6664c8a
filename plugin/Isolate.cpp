// plugin/Isolate.cpp — fork, pipe, time limit (see Isolate.h).
#include "Isolate.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace bpfverify {

namespace {

bool writeAll(int Fd, const char *P, size_t N) {
  while (N) {
    ssize_t W = write(Fd, P, N);
    if (W < 0 && errno == EINTR)
      continue;
    if (W <= 0)
      return false;
    P += W;
    N -= (size_t)W;
  }
  return true;
}

long long nowMs() {
  struct timespec T;
  clock_gettime(CLOCK_MONOTONIC, &T);
  return (long long)T.tv_sec * 1000 + T.tv_nsec / 1000000;
}

[[noreturn]] void runChild(const std::function<std::string()> &Work, int Fd,
                           pid_t Parent) {
  // A child left running (clang exited without collecting it) dies with it.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != Parent)
    _exit(4);
  // A crash in the child must end the child quietly: clang's own handlers
  // would print a crash report as if the compiler had failed.
  for (int Sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP})
    signal(Sig, SIG_DFL);
  // Library chatter (libbpf, LLVM) must not reach the compiler's output;
  // everything the user sees comes back through the pipe.
  int Null = open("/dev/null", O_WRONLY);
  if (Null >= 0) {
    dup2(Null, STDOUT_FILENO);
    dup2(Null, STDERR_FILENO);
    close(Null);
  }
  std::string R = Work();
  _exit(writeAll(Fd, R.data(), R.size()) ? 0 : 3);
}

} // namespace

bool startIsolated(const std::function<std::string()> &Work,
                   IsolatedChild &Child, std::string &Detail) {
  int Fds[2];
  if (pipe2(Fds, O_CLOEXEC) != 0) {
    Detail = std::string("pipe: ") + strerror(errno);
    return false;
  }
  pid_t Parent = getpid();
  pid_t Pid = fork();
  if (Pid < 0) {
    Detail = std::string("fork: ") + strerror(errno);
    close(Fds[0]);
    close(Fds[1]);
    return false;
  }
  if (Pid == 0) {
    close(Fds[0]);
    runChild(Work, Fds[1], Parent);
  }
  close(Fds[1]);
  Child.Pid = Pid;
  Child.Fd = Fds[0];
  return true;
}

void cancelIsolated(IsolatedChild &Child) {
  if (!Child.running())
    return;
  close(Child.Fd);
  kill(Child.Pid, SIGKILL);
  int Status;
  while (waitpid(Child.Pid, &Status, 0) < 0 && errno == EINTR)
    ;
  Child = IsolatedChild();
}

IsolateStatus finishIsolated(IsolatedChild &Child, unsigned TimeoutSeconds,
                             std::string &Out, std::string &Detail) {
  pid_t Pid = Child.Pid;
  int Fd = Child.Fd;
  Child = IsolatedChild();
  long long Deadline = nowMs() + (long long)TimeoutSeconds * 1000;
  bool TimedOut = false;
  char Buf[65536];
  for (;;) {
    long long Left = Deadline - nowMs();
    if (Left <= 0) {
      TimedOut = true;
      break;
    }
    struct pollfd P = {Fd, POLLIN, 0};
    int R = poll(&P, 1, (int)(Left > 1000000 ? 1000000 : Left));
    if (R < 0 && errno == EINTR)
      continue;
    if (R < 0)
      break;
    if (R == 0)
      continue;
    ssize_t N = read(Fd, Buf, sizeof Buf);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      break; // EOF: the child is done (or died)
    Out.append(Buf, (size_t)N);
  }
  close(Fd);
  if (TimedOut)
    kill(Pid, SIGKILL);

  int Status = 0;
  while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR)
    ;
  if (TimedOut)
    return IsolateStatus::TimedOut;
  if (WIFSIGNALED(Status)) {
    Detail = std::string("signal ") + strsignal(WTERMSIG(Status));
    return IsolateStatus::Crashed;
  }
  if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0) {
    Detail = "exit status " + std::to_string(WEXITSTATUS(Status));
    return IsolateStatus::Crashed;
  }
  return IsolateStatus::Ok;
}

IsolateStatus runIsolated(const std::function<std::string()> &Work,
                          unsigned TimeoutSeconds, std::string &Out,
                          std::string &Detail) {
  IsolatedChild Child;
  if (!startIsolated(Work, Child, Detail))
    return IsolateStatus::Failed;
  return finishIsolated(Child, TimeoutSeconds, Out, Detail);
}

} // namespace bpfverify
