using FunnelInsight.Core.Accounts;
using FunnelInsight.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace FunnelInsight.Core.Storage;

/// <summary>The FunnelInsight database: stores, imports, orders, store members, saved funnels, saved views and API tokens (events and sessions live in the event store).</summary>
public class FunnelDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Merchant workspaces.</summary>
    public DbSet<Store> Stores => Set<Store>();

    /// <summary>Uploaded files.</summary>
    public DbSet<ImportRun> Imports => Set<ImportRun>();

    /// <summary>Rows that could not be read.</summary>
    public DbSet<ImportRowError> ImportRowErrors => Set<ImportRowError>();

    /// <summary>Orders.</summary>
    public DbSet<StoredOrder> Orders => Set<StoredOrder>();

    /// <summary>Users' memberships of stores.</summary>
    public DbSet<StoreMember> StoreMembers => Set<StoreMember>();

    /// <summary>Each store's saved user-defined funnels.</summary>
    public DbSet<SavedFunnelRow> SavedFunnels => Set<SavedFunnelRow>();

    /// <summary>Each store's saved report views.</summary>
    public DbSet<SavedViewRow> SavedViews => Set<SavedViewRow>();

    /// <summary>Personal API tokens (hashed).</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Store>(store =>
        {
            // Names are unique per owner, so one merchant's store name says nothing about another's.
            store.HasIndex(s => new { s.OwnerId, s.Name }).IsUnique();
            store.HasIndex(s => s.Name);
            store.Property(s => s.Name).HasMaxLength(200);
            store.Property(s => s.OwnerId).HasMaxLength(450).HasDefaultValue("");
            store.Property(s => s.TimeZone).HasMaxLength(64);
        });

        modelBuilder.Entity<ImportRun>(import =>
        {
            import.ToTable("Imports");
            import.HasIndex(i => new { i.StoreId, i.StartedUtc });
            import.HasOne<Store>().WithMany().HasForeignKey(i => i.StoreId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ImportRowError>(error =>
        {
            error.HasIndex(e => new { e.ImportId, e.Line });
            error.HasOne<ImportRun>().WithMany().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StoredOrder>(order =>
        {
            order.ToTable("Orders");
            order.HasIndex(o => new { o.StoreId, o.OrderId }).IsUnique();
            order.HasIndex(o => new { o.StoreId, o.CreatedUs });
            order.HasOne<Store>().WithMany().HasForeignKey(o => o.StoreId).OnDelete(DeleteBehavior.Cascade);
        });

        // User ids belong to the accounts (Identity) tables, which live in the same file under their own context.
        modelBuilder.Entity<SavedFunnelRow>(funnel =>
        {
            funnel.Property(f => f.Name).HasMaxLength(FunnelInsight.Core.Stores.SavedFunnels.MaxNameLength).UseCollation("NOCASE");
            funnel.HasIndex(f => new { f.StoreId, f.Name }).IsUnique();
            funnel.HasOne<Store>().WithMany().HasForeignKey(f => f.StoreId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SavedViewRow>(view =>
        {
            view.Property(v => v.Name).HasMaxLength(FunnelInsight.Core.Stores.SavedViews.MaxNameLength).UseCollation("NOCASE");
            view.Property(v => v.Page).HasMaxLength(32);
            view.Property(v => v.Query).HasMaxLength(FunnelInsight.Core.Stores.SavedViews.MaxQueryLength);
            view.Property(v => v.SavedBy).HasMaxLength(450);
            view.HasIndex(v => new { v.StoreId, v.Name }).IsUnique();
            view.HasOne<Store>().WithMany().HasForeignKey(v => v.StoreId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StoreMember>(member =>
        {
            member.HasIndex(m => new { m.StoreId, m.UserId }).IsUnique();
            member.HasIndex(m => m.UserId);
            member.Property(m => m.UserId).HasMaxLength(450);
            member.HasOne<Store>().WithMany().HasForeignKey(m => m.StoreId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ApiToken>(token =>
        {
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.Property(t => t.UserId).HasMaxLength(450);
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.HasOne<Store>().WithMany().HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
