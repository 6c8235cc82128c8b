// These tests measure delays (a note on the presenter within a second) and load the machine (a thousand notes,
// a killed server): run them one after another, so one test's load is not another test's delay.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
