import { useTranslation } from './i18n.ts';
import { navigate, usePath } from './router.ts';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { RegisterPage } from '../register/RegisterPage.tsx';
import { MyRegistrationPage } from '../my-registration/MyRegistrationPage.tsx';
import { OrganiserPage } from '../organiser-delegates/OrganiserPage.tsx';
import { ProgrammePage } from '../programme/ProgrammePage.tsx';
import { JoinPage } from '../join/JoinPage.tsx';
import { VerifyPage } from '../verify/VerifyPage.tsx';
import { ResetPasswordPage } from '../organiser-login/ResetPasswordPage.tsx';
import { pagePath } from './congress-address.ts';
import { congressBrand } from './event-zone.ts';

const screens = [
  { path: '/', label: 'nav.register', Screen: RegisterPage },
  { path: '/programme', label: 'nav.programme', Screen: ProgrammePage },
  { path: '/me', label: 'nav.me', Screen: MyRegistrationPage },
  { path: '/organiser', label: 'nav.organiser', Screen: OrganiserPage },
] as const;

export function App() {
  const { t, language } = useTranslation();
  const path = usePath();
  // Everything under /organiser is the organisers' area, with its own tabs.
  // A letter's verification page stands apart from the edition's screens: consulates open it from the printed address.
  const verifying = path === '/verify' || path.startsWith('/verify/');
  const current = screens.find((screen) => screen.path === path) ?? (path.startsWith('/organiser/') ? screens.find((screen) => screen.path === '/organiser')! : screens[0]);
  return (
    <>
      <nav class="topbar">
        <span class="brand">{congressBrand(language)}</span>
        <div class="topbar__links">
          {screens.map((screen) => (
            <a
              key={screen.path}
              href={pagePath(screen.path)}
              aria-current={screen === current && path !== '/join' && !verifying ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate(screen.path);
              }}
            >
              {t(screen.label)}
            </a>
          ))}
        </div>
        <LanguageSwitcher />
      </nav>
      {path === '/join' ? <JoinPage /> : path === '/organiser/reset' ? <ResetPasswordPage /> : verifying ? <VerifyPage addressed={path.slice('/verify/'.length)} /> : <current.Screen />}
    </>
  );
}
