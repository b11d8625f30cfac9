// Preloaded (`node --import`) into a process under test: its peak resident memory, in kB, on stderr at exit.
process.on('exit', () => {
  process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
