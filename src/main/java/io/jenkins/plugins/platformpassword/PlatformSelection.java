package io.jenkins.plugins.platformpassword;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import hudson.model.Item;
import hudson.model.ItemGroup;
import io.jenkins.plugins.platformpassword.client.platforms.NamedPlatform;
import io.jenkins.plugins.platformpassword.client.platforms.PlatformChoice;
import io.jenkins.plugins.platformpassword.client.platforms.PlatformScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The platforms a job can name, nearest first: its folders' {@link FolderPlatforms}, from the
 * job's own folder outwards, then the global configuration. Only the job's own ancestors count,
 * so a job in one customer's folder can never pick another customer's platform. The choice itself
 * is {@link PlatformChoice}'s, which is Jenkins-free and tested on its own.
 */
final class PlatformSelection {

    private PlatformSelection() {}

    /** Every platform name the job can use, for the step's dropdown. */
    static List<String> names(Item context, PlatformPasswordConfiguration global) {
        return scopes(context, global).stream()
                .flatMap(scope -> scope.platforms().stream())
                .map(NamedPlatform::name)
                .distinct()
                .toList();
    }

    /** The scopes of this job (or form of this item; null for the global configuration), for {@link PlatformChoice}. */
    static List<PlatformScope> scopes(Item context, PlatformPasswordConfiguration global) {
        List<PlatformScope> scopes = new ArrayList<>();
        ItemGroup<?> group = context == null ? null : context instanceof ItemGroup<?> self ? self : context.getParent();
        // Up to Jenkins itself, through every kind of item group (a folder inside a multi-configuration
        // project, say); only folders hold platforms.
        while (group instanceof Item item) {
            if (group instanceof AbstractFolder<?> folder) {
                FolderPlatforms own = folder.getProperties().get(FolderPlatforms.class);
                if (own != null) {
                    scopes.add(own.scope(folder));
                }
            }
            group = item.getParent();
        }
        scopes.add(global.scope());
        return scopes;
    }
}
