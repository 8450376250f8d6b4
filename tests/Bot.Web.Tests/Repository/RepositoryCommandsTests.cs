namespace Bot.Web.Tests.Repository;

/// <summary>The set-up commands the README promises are the ones CI runs.</summary>
public sealed class RepositoryCommandsTests
{
    [Fact]
    public void CiRun_LastCommand_IsTheReadmesTestCommand()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var setUp = readme.SkipWhile(line => !line.StartsWith("## Set-up", StringComparison.Ordinal)).SkipWhile(line => line != "```bash").Skip(1).TakeWhile(line => line != "```").ToList();
        var ci = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".ci", "run")).Last(line => line.Length > 0 && !line.StartsWith('#'));

        Assert.Equal(2, setUp.Count);
        Assert.Equal(ci, setUp[1].Split('#')[0].TrimEnd());
    }
}
