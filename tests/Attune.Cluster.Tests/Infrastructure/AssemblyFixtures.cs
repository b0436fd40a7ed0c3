using Attune.Cluster.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(TestPostgres))]
