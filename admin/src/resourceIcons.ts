// The menu icon of each register; a register added later gets a folder.
import type { ComponentType } from 'react';
import BusinessIcon from '@mui/icons-material/Business';
import FeedbackIcon from '@mui/icons-material/Feedback';
import FolderIcon from '@mui/icons-material/Folder';
import GavelIcon from '@mui/icons-material/Gavel';
import GroupsIcon from '@mui/icons-material/Groups';
import HistoryIcon from '@mui/icons-material/History';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import PersonIcon from '@mui/icons-material/Person';
import PlaceIcon from '@mui/icons-material/Place';
import SettingsIcon from '@mui/icons-material/Settings';

const icons: Record<string, ComponentType> = {
  cases: GavelIcon,
  lawyers: PersonIcon,
  'law-firms': BusinessIcon,
  'volunteer-teams': GroupsIcon,
  'service-points': PlaceIcon,
  complaints: FeedbackIcon,
  'audit-log': HistoryIcon,
  users: ManageAccountsIcon,
  settings: SettingsIcon,
};

export function resourceIcon(name: string): ComponentType {
  return icons[name] ?? FolderIcon;
}
